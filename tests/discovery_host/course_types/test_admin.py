"""
Upstream's admin classes, re-registered: a broken rule is a field error on the form, nothing is saved.
"""
import pytest
from course_discovery.apps.course_metadata import admin as upstream_admin
from course_discovery.apps.course_metadata.models import CourseRun, CourseRunType, CourseType, Track
from django.contrib import admin
from django.test import Client, RequestFactory

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def test_the_registered_admins_are_subclasses_of_upstreams():
    assert isinstance(admin.site._registry[CourseRunType], upstream_admin.CourseRunTypeAdmin)
    assert isinstance(admin.site._registry[CourseType], upstream_admin.CourseTypeAdmin)
    assert issubclass(admin.site._registry[CourseType].form, upstream_admin.CourseTypeAdminForm)


def _run_type_form(run_type, tracks):
    return {"name": run_type.name, "slug": run_type.slug, "tracks": [t.pk for t in tracks], "is_marketable": "on"}


def test_a_professional_track_beside_another_is_a_tracks_field_error(admin_client):
    professional = CourseRunType.objects.get(slug="professional")
    tracks = [*professional.tracks.all(), factories.track("audit", "audit")]

    response = admin_client.post(
        f"/admin/course_metadata/courseruntype/{professional.pk}/change/", _run_type_form(professional, tracks)
    )

    assert response.status_code == 200
    assert "must stand alone" in str(response.context["adminform"].form.errors["tracks"])
    assert professional.tracks.count() == 1


def test_a_valid_track_change_saves(admin_client):
    audit = CourseRunType.objects.get(slug="audit")
    tracks = [*audit.tracks.all(), factories.track("masters", None)]

    response = admin_client.post(f"/admin/course_metadata/courseruntype/{audit.pk}/change/", _run_type_form(audit, tracks))

    assert response.status_code == 302
    assert audit.tracks.count() == 2


def test_entitlements_and_run_types_are_judged_together(admin_client):
    course_type = CourseType.objects.get(slug="audit")
    # Adding a verified entitlement and the run type selling it in one save is valid, although
    # entitlement_types alone (saved first) would not be.
    data = {
        "name": course_type.name,
        "slug": course_type.slug,
        "entitlement_types": [factories.seat_type("verified").pk],
        "course_run_types": [CourseRunType.objects.get(slug="audit").pk, CourseRunType.objects.get(slug="verified-audit").pk],
    }

    response = admin_client.post(f"/admin/course_metadata/coursetype/{course_type.pk}/change/", data)

    assert response.status_code == 302
    assert list(course_type.entitlement_types.values_list("slug", flat=True)) == ["verified"]


def test_an_unsold_entitlement_type_is_an_entitlement_types_field_error(admin_client):
    course_type = CourseType.objects.get(slug="audit")
    data = {
        "name": course_type.name,
        "slug": course_type.slug,
        "entitlement_types": [factories.seat_type("verified").pk],
        "course_run_types": [CourseRunType.objects.get(slug="audit").pk],
    }

    response = admin_client.post(f"/admin/course_metadata/coursetype/{course_type.pk}/change/", data)

    assert response.status_code == 200
    assert "entitlement_types" in response.context["adminform"].form.errors
    assert not course_type.entitlement_types.exists()


def test_a_run_type_change_dropping_paid_seats_is_a_type_field_error(staff):
    run = factories.course_run(type_slug="verified-audit", paid=["verified"])
    request = RequestFactory().get("/")
    request.user = staff
    form = admin.site._registry[CourseRun].get_form(request, run)(
        data={"course": run.course_id, "key": run.key, "status": run.status, "type": CourseRunType.objects.get(slug="audit").pk,
              "uuid": str(run.uuid)},
        instance=run,
    )

    assert not form.is_valid()
    assert "type" in form.errors
    run.refresh_from_db()
    assert run.type.slug == "verified-audit"


def test_the_delete_page_refuses_a_run_type_in_use(admin_client):
    run = factories.course_run(type_slug="honor")

    response = admin_client.post(f"/admin/course_metadata/courseruntype/{run.type.pk}/delete/", {"post": "yes"})

    assert response.status_code == 200
    assert "deleting it would delete or untype them" in response.content.decode()
    assert CourseRunType.objects.filter(slug="honor").exists()
    assert Track.objects.filter(mode__slug="honor").exists()
