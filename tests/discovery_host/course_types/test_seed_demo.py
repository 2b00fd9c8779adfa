"""
The sandbox demo courses get upstream types (the masters ones the plugin seeds), and seeding again keeps them.
"""
from io import StringIO

import pytest
from course_discovery.apps.core.models import Partner
from course_discovery.apps.course_metadata.models import Course, CourseRun
from django.core.management import call_command

from discovery_plugin.course_types import api

pytestmark = pytest.mark.django_db


def test_the_masters_demo_run_has_the_masters_and_audit_modes_and_sells_only_audit():
    call_command("seed_demo", stdout=StringIO())

    requirements = api.course_run_requirements(Partner.objects.get(short_code="edx"), "course-v1:edX+MastersX+2026")

    assert requirements.course_run_type == "masters-audit"
    assert set(requirements.lms_modes) == {"masters", "audit"}
    assert requirements.seat_types == ("audit",)
    assert api.course_requirements(Partner.objects.get(short_code="edx"), "edX+MastersX").course_type == "masters-verified-audit"


def test_the_demo_course_is_verified_and_audit():
    call_command("seed_demo", stdout=StringIO())

    assert api.course_requirements(Partner.objects.get(short_code="edx"), "edX+DemoX").entitlement_types == ("verified",)
    run = api.course_run_requirements(Partner.objects.get(short_code="edx"), "course-v1:edX+DemoX+Demo_Course")
    assert set(run.seat_types) == {"audit", "verified"}


def test_seeding_twice_keeps_the_types():
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert sorted(Course.objects.values_list("type__slug", flat=True)) == [
        "masters-verified-audit", "verified-audit", "verified-audit"
    ]
    assert CourseRun.objects.filter(type__isnull=True).count() == 0
