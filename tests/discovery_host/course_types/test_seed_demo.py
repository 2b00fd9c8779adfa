"""
The sandbox demo courses get sensible course types, and seeding again keeps them.
"""
from io import StringIO

import pytest
from django.core.management import call_command

from discovery_plugin.course_types import api
from discovery_plugin.course_types.models import CourseRunTypeAssignment, CourseTypeAssignment

pytestmark = pytest.mark.django_db


def test_the_masters_demo_run_has_the_masters_and_audit_modes_and_sells_only_audit():
    call_command("seed_demo", stdout=StringIO())

    requirements = api.course_run_requirements("course-v1:edX+MastersX+2026")

    assert requirements.course_run_type.name == "Masters and Audit"
    assert set(requirements.lms_modes) == {"masters", "audit"}
    assert requirements.seat_types == ("audit",)
    assert api.course_requirements("edX+MastersX").course_type.name == "Masters, Verified, and Audit"


def test_the_demo_course_is_verified_and_audit():
    call_command("seed_demo", stdout=StringIO())

    assert api.course_requirements("edX+DemoX").entitlement_seat_types == ("verified",)
    assert set(api.course_run_requirements("course-v1:edX+DemoX+Demo_Course").seat_types) == {"audit", "verified"}


def test_seeding_twice_keeps_one_type_row_per_course_and_run():
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert CourseTypeAssignment.objects.count() == 3
    assert CourseRunTypeAssignment.objects.count() == 3
