"""
``audit_course_types`` lists upstream rows that break the rules and, with ``--fix``, applies the unambiguous fixes.
"""
from io import StringIO

import pytest
from course_discovery.apps.course_metadata.models import CourseRun, CourseRunType, CourseType
from django.core.management import call_command
from django.core.management.base import CommandError

from discovery_plugin.course_types import errors
from discovery_plugin.course_types.audit import audit

from . import factories

pytestmark = pytest.mark.django_db


def _break_rules_behind_the_guards():
    """
    Rows as an older deployment may hold them: written with update() and raw adds, which no guard sees.
    """
    through = CourseRunType.tracks.through
    professional = CourseRunType.objects.get(slug="professional")
    through.objects.create(courseruntype=professional, track=factories.track("audit", "audit"))
    audit_type = CourseType.objects.get(slug="audit")
    CourseType.entitlement_types.through.objects.create(coursetype=audit_type, seattype=factories.seat_type("verified"))
    paid_run = factories.course_run(factories.course(type_slug="masters-verified-audit"), type_slug="masters-verified-audit",
                                    seats=["audit"], paid=["verified"], key="course-v1:X+Paid+1")
    CourseRun.objects.filter(pk=paid_run.pk).update(type=CourseRunType.objects.get(slug="masters-audit"))
    masters_run = factories.course_run(factories.course(type_slug="masters"), type_slug="empty", key="course-v1:X+Masters+1")
    return paid_run, masters_run


def test_a_clean_catalog_has_no_findings():
    factories.course_run(type_slug="verified-audit", seats=["audit"], paid=["verified"])

    assert audit() == []


def test_the_audit_lists_each_broken_rule_and_its_fix():
    _break_rules_behind_the_guards()

    found = {(finding.code, finding.subject): finding.fix for finding in audit()}

    assert found == {
        (errors.PROFESSIONAL_TRACK_NOT_ALONE, "course run type professional"): "",
        (errors.ENTITLEMENT_TYPE_NOT_SOLD, "course type audit"): "remove entitlement types verified",
        # Both masters-verified-audit and verified-audit sell {audit, verified}: no unambiguous fix.
        (errors.PAID_SEAT_TYPE_DROPPED, "course run course-v1:X+Paid+1"): "",
        # Upstream's matcher never matches a productless track; only masters fits a seatless run.
        (errors.RUN_TYPE_MISSING, "course run course-v1:X+Masters+1"): "set run type masters",
    }


def test_fix_applies_the_unambiguous_fixes_and_leaves_the_rest():
    paid_run, masters_run = _break_rules_behind_the_guards()
    out = StringIO()

    with pytest.raises(CommandError, match="2 course type findings left") as exited:
        call_command("audit_course_types", "--fix", stdout=out)

    assert exited.value.returncode == 1
    masters_run.refresh_from_db()
    assert masters_run.type.slug == "masters"
    assert not CourseType.objects.get(slug="audit").entitlement_types.exists()
    paid_run.refresh_from_db()
    assert paid_run.type.slug == "masters-audit"
    assert "audit_course_types: 4 findings, 2 left." in out.getvalue()
    assert {finding.code for finding in audit()} == {errors.PROFESSIONAL_TRACK_NOT_ALONE, errors.PAID_SEAT_TYPE_DROPPED}


def test_the_command_exits_0_on_a_clean_catalog():
    out = StringIO()

    call_command("audit_course_types", stdout=out)

    assert out.getvalue().strip() == "audit_course_types: 0 findings, 0 to review."


def test_without_fix_the_command_lists_changes_nothing_and_exits_1():
    runs = _break_rules_behind_the_guards()
    before = [CourseRun.objects.get(pk=run.pk).type.slug for run in runs]
    out = StringIO()

    with pytest.raises(CommandError, match="4 course type findings to review") as exited:
        call_command("audit_course_types", stdout=out)

    assert exited.value.returncode == 1
    assert out.getvalue().splitlines()[-1] == "audit_course_types: 4 findings, 4 to review."
    assert [CourseRun.objects.get(pk=run.pk).type.slug for run in runs] == before
    assert CourseType.objects.get(slug="audit").entitlement_types.exists()
