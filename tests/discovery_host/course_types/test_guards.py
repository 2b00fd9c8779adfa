"""
The rules hold on upstream's own writes: deletes, many-to-many changes and type changes, whatever code makes them.
"""
from decimal import Decimal

import pytest
from course_discovery.apps.course_metadata.models import CourseRunType, CourseType, Mode, SeatType, Track
from django.db import transaction
from django.test import override_settings
from rest_framework.views import exception_handler

from discovery_plugin.course_types import errors
from discovery_plugin.course_types.checks import RuleViolation

from . import factories

pytestmark = pytest.mark.django_db


def codes(excinfo):
    return [violation.code for violation in excinfo.value.violations]


# --- deletes: upstream's foreign keys CASCADE ---------------------------------------------------


def test_deleting_a_run_type_in_use_is_refused_and_its_runs_survive():
    run = factories.course_run(type_slug="masters-audit")
    run_type = run.type
    run_type.coursetype_set.clear()  # not allowed by any course type any more, but still a run's type
    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        run_type.delete()

    assert codes(excinfo) == [errors.TYPE_IN_USE]
    assert run.__class__.objects.filter(pk=run.pk).exists()


def test_a_queryset_delete_of_a_course_type_in_use_is_refused():
    course = factories.course(type_slug="verified-audit")

    with pytest.raises(RuleViolation), transaction.atomic():
        CourseType.objects.filter(slug="verified-audit").delete()

    assert course.__class__.objects.filter(pk=course.pk, type__slug="verified-audit").exists()


def test_deleting_a_mode_a_seat_type_or_a_track_in_use_is_refused():
    for instance in (
        Mode.objects.get(slug="verified"),
        SeatType.objects.get(slug="verified"),
        Track.objects.get(mode__slug="verified", seat_type__slug="verified"),
    ):
        with pytest.raises(RuleViolation), transaction.atomic():
            instance.delete()


def test_an_unused_type_can_be_deleted():
    unused = CourseRunType.objects.create(name="Unused", slug="unused")
    unused.tracks.add(factories.track("audit", "audit"))

    unused.delete()

    assert not CourseRunType.objects.filter(slug="unused").exists()


# --- track sets ---------------------------------------------------------------------------------


def test_adding_a_track_beside_a_professional_one_is_refused_and_nothing_is_added():
    professional = CourseRunType.objects.get(slug="professional")

    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        professional.tracks.add(factories.track("audit", "audit"))

    assert codes(excinfo) == [errors.PROFESSIONAL_TRACK_NOT_ALONE]
    assert list(professional.tracks.values_list("mode__slug", flat=True)) == ["professional"]


def test_adding_through_the_reverse_side_is_judged_too():
    audit_track = factories.track("audit", "audit")

    with pytest.raises(RuleViolation), transaction.atomic():
        audit_track.courseruntype_set.add(CourseRunType.objects.get(slug="professional"))


def test_removing_the_track_that_sells_a_runs_paid_seats_is_refused():
    factories.course_run(type_slug="verified-audit", seats=["audit"], paid=["verified"])
    verified_audit = CourseRunType.objects.get(slug="verified-audit")

    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        verified_audit.tracks.remove(factories.track("verified", "verified"))

    assert errors.PAID_SEAT_TYPE_DROPPED in codes(excinfo)
    assert verified_audit.tracks.count() == 2


def test_set_that_keeps_the_needed_tracks_is_accepted():
    factories.course_run(type_slug="verified-audit", seats=["audit"], paid=["verified"])
    verified_audit = CourseRunType.objects.get(slug="verified-audit")
    masters = factories.track("masters", None)

    verified_audit.tracks.set([*verified_audit.tracks.all(), masters])

    assert verified_audit.tracks.count() == 3


# --- course types: sortedm2m's set() clears first, then adds -------------------------------------


def test_sortedm2m_set_that_keeps_used_run_types_passes_although_it_clears_first():
    factories.course_run(factories.course(type_slug="verified-audit"), type_slug="audit")
    course_type = CourseType.objects.get(slug="verified-audit")

    # Reordering clears the whole set, then adds it back: judged on the final state only.
    course_type.course_run_types.set([CourseRunType.objects.get(slug="verified-audit"), CourseRunType.objects.get(slug="audit")])

    assert list(course_type.course_run_types.values_list("slug", flat=True)) == ["verified-audit", "audit"]


def test_sortedm2m_set_that_withdraws_a_used_run_type_is_refused_and_rolled_back():
    factories.course_run(factories.course(type_slug="verified-audit"), type_slug="audit")
    course_type = CourseType.objects.get(slug="verified-audit")

    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        course_type.course_run_types.set([CourseRunType.objects.get(slug="verified-audit")])

    assert codes(excinfo) == [errors.TYPE_IN_USE]
    # set() runs in one transaction: the clear it began with is undone too.
    assert set(course_type.course_run_types.values_list("slug", flat=True)) == {"audit", "verified-audit"}


def test_removing_a_used_run_type_is_refused():
    factories.course_run(factories.course(type_slug="verified-audit"), type_slug="audit")

    with pytest.raises(RuleViolation), transaction.atomic():
        CourseType.objects.get(slug="verified-audit").course_run_types.remove(CourseRunType.objects.get(slug="audit"))


def test_allowing_a_professional_run_type_beside_others_is_refused():
    verified_audit = CourseType.objects.get(slug="verified-audit")
    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        verified_audit.course_run_types.add(CourseRunType.objects.get(slug="professional"))

    assert codes(excinfo) == [errors.PROFESSIONAL_COURSE_TYPE_MIXED]


def test_a_second_entitlement_type_is_refused():
    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        CourseType.objects.get(slug="verified-audit").entitlement_types.add(SeatType.objects.get(slug="audit"))

    assert codes(excinfo) == [errors.TOO_MANY_ENTITLEMENT_TYPES]


# --- type changes on courses and runs -------------------------------------------------------------


def test_a_run_cannot_change_to_a_type_that_drops_its_paid_seats():
    run = factories.course_run(type_slug="verified-audit", seats=["audit"], paid=["verified"])
    run.type = CourseRunType.objects.get(slug="audit")

    with pytest.raises(RuleViolation) as excinfo:
        run.save()

    assert codes(excinfo) == [errors.PAID_SEAT_TYPE_DROPPED]
    run.refresh_from_db()
    assert run.type.slug == "verified-audit"


def test_a_run_may_become_empty_or_keep_its_paid_seat_types():
    run = factories.course_run(type_slug="verified-audit", paid=["verified"])

    run.type = CourseRunType.objects.get(slug="masters-verified-audit")
    run.save()
    run.type = CourseRunType.objects.get(slug="empty")
    run.save()

    run.refresh_from_db()
    assert run.type.slug == "empty"


def test_a_queryset_reload_sees_the_change_too():
    run = factories.course_run(type_slug="verified-audit", paid=["verified"])
    loaded = run.__class__.objects.get(pk=run.pk)
    loaded.type = CourseRunType.objects.get(slug="honor")

    with pytest.raises(RuleViolation):
        loaded.save()


def test_by_default_a_run_may_differ_from_its_course_type():
    run = factories.course_run(factories.course(type_slug="verified-audit"), type_slug="honor")

    assert run.type.slug == "honor"


@override_settings(COMMERCE_DISCOVERY_STRICT_RUN_TYPES=True)
def test_strict_run_types_refuse_a_run_type_the_course_type_does_not_allow():
    course = factories.course(type_slug="verified-audit")

    with pytest.raises(RuleViolation) as excinfo:
        factories.course_run(course, type_slug="honor")

    assert codes(excinfo) == [errors.RUN_TYPE_NOT_ALLOWED]
    # Empty is always allowed, as upstream uses it for "not known yet".
    assert factories.course_run(course, type_slug="empty").type.slug == "empty"


@override_settings(COMMERCE_DISCOVERY_STRICT_RUN_TYPES=True)
def test_strict_run_types_refuse_a_course_type_that_disallows_its_runs():
    course = factories.course(type_slug="verified-audit")
    factories.course_run(course, type_slug="audit")
    course.type = CourseType.objects.get(slug="honor")

    with pytest.raises(RuleViolation) as excinfo:
        course.save()

    assert codes(excinfo) == [errors.RUN_TYPE_NOT_ALLOWED]


def test_a_refusal_is_a_400_with_its_error_code_through_drf():
    run = factories.course_run(type_slug="verified-audit", paid=["verified"])
    run.type = CourseRunType.objects.get(slug="audit")
    with pytest.raises(RuleViolation) as excinfo:
        run.save()

    response = exception_handler(excinfo.value, {})

    assert response.status_code == 400
    assert response.data["error_code"] == errors.PAID_SEAT_TYPE_DROPPED
    assert response.data["violations"][0]["message"]


def test_free_seats_do_not_block_a_type_change():
    run = factories.course_run(type_slug="verified-audit", seats=["audit", "verified"])
    assert run.seats.filter(price=Decimal("0.00")).count() == 2

    run.type = CourseRunType.objects.get(slug="honor")
    run.save()
