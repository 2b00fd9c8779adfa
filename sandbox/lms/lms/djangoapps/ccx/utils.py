"""
Replica of openedx-platform ``lms/djangoapps/ccx/utils.py`` (the helpers the CCX API's create and update call).

Upstream's dashboard helpers (dates, enrollment center, forum roles) are not replicated.
"""
import logging
from contextlib import contextmanager

from common.djangoapps.student.models import CourseEnrollmentException
from common.djangoapps.student.roles import CourseCcxCoachRole, CourseStaffRole
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from openedx.core.lib.courses import get_course_by_id

from lms.djangoapps.ccx.models import CustomCourseForEdX
from lms.djangoapps.instructor.access import allow_access, list_with_level
from lms.djangoapps.instructor.enrollment import enroll_email, get_email_params

log = logging.getLogger("edx.ccx")


def get_ccx_from_ccx_locator(course_id):
    """
    The CCX of a CCX course key, or None.
    """
    ccx_id = getattr(course_id, "ccx", None)
    if ccx_id:
        ccx = CustomCourseForEdX.objects.filter(id=ccx_id).first()
        if ccx is not None:
            return ccx
    log.warning("CCX does not exist for course with id %s", course_id)
    return None


def get_ccx_for_coach(course, coach):
    """
    The first CCX ``coach`` coaches on ``course``, or None.
    """
    return CustomCourseForEdX.objects.filter(course_id=course.id, coach=coach).first()


def get_ccx_by_ccx_id(course, coach, ccx_id):
    """
    The CCX ``ccx_id`` of ``coach`` on the master ``course``, or None.
    """
    try:
        return CustomCourseForEdX.objects.get(id=ccx_id, course_id=course.id, coach=coach)
    except CustomCourseForEdX.DoesNotExist:
        return None


@contextmanager
def ccx_course(ccx_locator):
    """
    A context in which the course of ``ccx_locator`` is loaded.
    """
    yield get_course_by_id(ccx_locator)


def assign_staff_role_to_ccx(ccx_locator, user, master_course_id):
    """
    Make ``user`` staff on the CCX when they are a CCX coach of the master course and not staff there yet.
    """
    if CourseCcxCoachRole(master_course_id).has_user(user) and not CourseStaffRole(ccx_locator).has_user(user):
        with ccx_course(ccx_locator) as course:
            allow_access(course, user, "staff", send_email=False)


def is_email(identifier):
    """
    Whether ``identifier`` is a valid email address.
    """
    try:
        validate_email(identifier)
    except ValidationError:
        return False
    return True


def add_master_course_staff_to_ccx(master_course, ccx_key, display_name, send_email=True):
    """
    Enroll the master course's staff and instructors in the CCX and give them the same role there (idempotent).
    """
    list_staff = list_with_level(master_course.id, "staff")
    list_instructor = list_with_level(master_course.id, "instructor")
    with ccx_course(ccx_key) as course_ccx:
        email_params = get_email_params(course_ccx, auto_enroll=True, course_key=ccx_key, display_name=display_name)
        for level, members in (("staff", list_staff), ("instructor", list_instructor)):
            already = set(list_with_level(course_ccx.id, level))
            for member in members:
                if member in already:
                    continue
                try:
                    enroll_email(
                        course_id=ccx_key,
                        student_email=member.email,
                        auto_enroll=True,
                        message_students=send_email,
                        message_params=email_params,
                    )
                    allow_access(course_ccx, member, level)
                except CourseEnrollmentException:
                    log.warning("Unable to enroll %s %s to course with id %s", level, member.id, ccx_key)
