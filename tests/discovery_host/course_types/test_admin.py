"""
Course admins pick labelled types in the admin; tracks read in words; a broken rule is a form error, never a 500.
"""
import pytest
from django.urls import reverse

from discovery_plugin.course_types import api
from discovery_plugin.course_types.models import CourseRunType, CourseRunTypeAssignment, CourseType, Track

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def _track_id(mode, seat_type):
    lookup = {"seat_type__slug": seat_type} if seat_type else {"seat_type__isnull": True}
    return Track.objects.get(mode__slug=mode, **lookup).pk


def test_the_run_type_list_shows_tracks_in_words(admin_client):
    response = admin_client.get(reverse("admin:commerce_course_types_courseruntype_changelist"))

    assert response.status_code == 200
    assert "Masters (no ecommerce product)" in response.content.decode()
    assert "Verified (sold as Verified seat)" in response.content.decode()


def test_a_professional_track_beside_another_is_a_form_error(admin_client):
    response = admin_client.post(
        reverse("admin:commerce_course_types_courseruntype_add"),
        {"name": "Pro and audit", "slug": "pro-audit", "is_marketable": "on",
         "tracks": [_track_id("professional", "professional"), _track_id("audit", "audit")]},
    )

    assert response.status_code == 200
    assert "must stand alone" in response.content.decode()
    assert not CourseRunType.objects.filter(slug="pro-audit").exists()


def test_a_valid_run_type_is_saved_from_the_form(admin_client):
    response = admin_client.post(
        reverse("admin:commerce_course_types_courseruntype_add"),
        {"name": "Masters and Honor", "slug": "masters-honor", "is_marketable": "on",
         "tracks": [_track_id("masters", None), _track_id("honor", "honor")]},
    )

    assert response.status_code == 302
    assert CourseRunType.objects.get(slug="masters-honor").tracks.count() == 2


def test_an_entitlement_no_run_type_sells_is_a_form_error(admin_client):
    course_type = CourseType.objects.get(slug="audit")
    response = admin_client.post(
        reverse("admin:commerce_course_types_coursetype_change", args=[course_type.pk]),
        {"name": "Audit only", "slug": "audit",
         "course_run_types": [CourseRunType.objects.get(slug="audit").pk],
         "entitlement_types": [factories.seat_type("verified").pk]},
    )

    assert response.status_code == 200
    assert "sold by no track" in response.content.decode()
    assert not course_type.entitlement_types.exists()


def test_a_disallowed_run_type_is_a_form_error_on_the_run_type_field(admin_client):
    run = factories.course_run()
    api.assign_course_type(run.course.key, "audit")

    response = admin_client.post(
        reverse("admin:commerce_course_types_courseruntypeassignment_add"),
        {"course_run": run.pk, "course_run_type": CourseRunType.objects.get(slug="masters").pk},
    )

    assert response.status_code == 200
    assert "not a run type that course type Audit only allows" in response.content.decode()
    assert not CourseRunTypeAssignment.objects.exists()


def test_a_course_admin_picks_a_labelled_type_for_a_run(admin_client):
    run = factories.course_run(seats=["audit"])
    api.assign_course_type(run.course.key, "masters-verified-audit")
    add_url = reverse("admin:commerce_course_types_courseruntypeassignment_add")

    form = admin_client.get(add_url).content.decode()
    response = admin_client.post(
        add_url, {"course_run": run.pk, "course_run_type": CourseRunType.objects.get(slug="masters-audit").pk}
    )

    assert "Masters, Verified, and Audit" in form
    assert response.status_code == 302
    change = admin_client.get(
        reverse("admin:commerce_course_types_courseruntypeassignment_change", args=[CourseRunTypeAssignment.objects.get().pk])
    ).content.decode()
    assert "masters, audit" in change or "audit, masters" in change


def test_deleting_a_type_in_use_shows_why_instead_of_deleting(admin_client):
    course_type = CourseType.objects.get(slug="verified-audit")
    api.assign_course_type(factories.course().key, "verified-audit")

    response = admin_client.post(
        reverse("admin:commerce_course_types_coursetype_delete", args=[course_type.pk]), {"post": "yes"}
    )

    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert CourseType.objects.filter(pk=course_type.pk).exists()


def test_deleting_a_run_type_allowed_by_course_types_shows_why(admin_client):
    run_type = CourseRunType.objects.get(slug="masters")

    response = admin_client.get(reverse("admin:commerce_course_types_courseruntype_delete", args=[run_type.pk]))

    assert response.status_code == 200
    assert "is used by course types" in response.content.decode()
