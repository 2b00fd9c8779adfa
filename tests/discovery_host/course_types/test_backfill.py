"""
The backfill command infers types from seats and entitlements, reports what matches nothing, and honours --dry-run.
"""
from io import StringIO

import pytest
from django.core.management import call_command

from discovery_plugin.course_types import api
from discovery_plugin.course_types.models import CourseRunTypeAssignment, CourseTypeAssignment

from . import factories

pytestmark = pytest.mark.django_db


def backfill(*args):
    out, err = StringIO(), StringIO()
    call_command("backfill_course_types", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_type_of(run):
    return CourseRunTypeAssignment.objects.get(course_run=run).course_run_type.slug


def course_type_of(course):
    return CourseTypeAssignment.objects.get(course=course).course_type.slug


def test_verified_and_audit_seats_with_a_verified_entitlement_make_verified_and_audit():
    course = factories.course(entitlements=["verified"])
    runs = [factories.course_run(course, seats=["audit", "verified"]), factories.course_run(course, seats=["audit"])]

    backfill()

    assert course_type_of(course) == "verified-audit"
    assert [run_type_of(run) for run in runs] == ["verified-audit", "audit"]


def test_credit_seats_make_credit():
    course = factories.course()
    run = factories.course_run(course, seats=["audit", "verified", "credit"])

    backfill()

    assert (course_type_of(course), run_type_of(run)) == ("credit-verified-audit", "credit-verified-audit")


def test_professional_and_audit_seats_on_one_run_match_nothing_and_are_reported():
    course = factories.course()
    run = factories.course_run(course, seats=["audit", "professional"])

    out, _ = backfill()

    assert f"UNMATCHED {course.key}: run {run.key} has seats ['audit', 'professional'], which no run type sells" in out
    assert "0 matched, 0 already typed, 1 unmatched" in out
    assert not CourseTypeAssignment.objects.exists()


def test_a_course_with_nothing_to_infer_from_is_reported():
    course = factories.course()

    out, _ = backfill()

    assert f"UNMATCHED {course.key}: it has no runs and no entitlements" in out


def test_dry_run_reports_and_writes_nothing():
    course = factories.course()
    factories.course_run(course, seats=["honor"])

    out, _ = backfill("--dry-run")

    assert f"would set {course.key} -> honor" in out
    assert out.strip().endswith("dry run: 1 matched, 0 already typed, 0 unmatched")
    assert not CourseTypeAssignment.objects.exists()
    assert not CourseRunTypeAssignment.objects.exists()


def test_a_new_rerun_in_a_typed_course_gets_a_run_type_its_course_type_allows():
    course = factories.course()
    first = factories.course_run(course, seats=["audit"])
    api.assign_course_type(course.key, "masters-verified-audit")
    api.assign_course_run_type(first.key, "masters-audit")
    rerun = factories.course_run(course, seats=["audit", "verified"])

    backfill()

    assert course_type_of(course) == "masters-verified-audit"
    assert (run_type_of(first), run_type_of(rerun)) == ("masters-audit", "verified-audit")


def test_running_it_twice_changes_nothing_the_second_time():
    course = factories.course()
    factories.course_run(course, seats=["audit"])
    backfill()

    out, _ = backfill()

    assert "0 matched, 1 already typed, 0 unmatched" in out


def test_it_draws_a_progress_bar():
    factories.course_run(seats=["audit"])

    _, err = backfill()

    assert "courses: 100%" in err
