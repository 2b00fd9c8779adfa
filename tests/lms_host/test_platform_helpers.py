"""
``lms_plugin.platform`` answers through the platform's own helpers: the course home URL, the
course role API and the default enrollment mode.
"""
import pytest
from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.roles import CourseFinanceAdminRole, CourseInstructorRole, CourseStaffRole
from django.contrib.auth.models import User
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.enrollments.api import _default_course_mode

from lms_plugin import platform

COURSE = CourseKey.from_string("course-v1:Helpers+H101+2026")


def test_course_home_url_is_the_platforms_learning_mfe_home(settings):
    settings.LEARNING_MICROFRONTEND_URL = "https://learning.example.com"
    assert platform.course_home_url(COURSE) == f"https://learning.example.com/course/{COURSE}/home"


@pytest.mark.django_db
def test_course_role_users_go_through_the_role_classes():
    staff, instructor, finance, other = (User.objects.create_user(name) for name in ("s", "i", "f", "o"))
    CourseStaffRole(COURSE).add_users(staff)
    CourseInstructorRole(COURSE).add_users(instructor)
    CourseFinanceAdminRole(COURSE).add_users(finance)
    CourseStaffRole(CourseKey.from_string("course-v1:Helpers+Other+2026")).add_users(other)

    assert [u.username for u in platform.course_role_users(COURSE, "staff")] == ["s"]
    assert [u.username for u in platform.course_role_users(COURSE, "instructor")] == ["i"]
    assert [u.username for u in platform.course_role_users(COURSE, "finance_admin")] == ["f"]


MODE_SETS = [(), ("honor",), ("audit",), ("verified",), ("honor", "verified"), ("audit", "honor", "verified"),
             ("professional",), ("no-id-professional", "honor")]


@pytest.mark.django_db
@pytest.mark.parametrize("slugs", MODE_SETS)
def test_default_enrollment_mode_agrees_with_the_platforms_private_rule(slugs):
    for slug in slugs:
        CourseMode.objects.create(course_id=COURSE, mode_slug=slug, mode_display_name=slug)
    assert platform.default_enrollment_mode(COURSE) == _default_course_mode(str(COURSE))
