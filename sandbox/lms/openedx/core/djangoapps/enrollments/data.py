"""
Replica of openedx-platform ``openedx/core/djangoapps/enrollments/data.py`` (subset): the enrollment data layer over the student models.
"""
import logging

from common.djangoapps.student.models import (
    AlreadyEnrolledError,
    CourseEnrollment,
    CourseFullError,
    EnrollmentClosedError,
    EnrollmentNotAllowed,
    NonExistentCourseError,
)
from django.contrib.auth import get_user_model
from opaque_keys.edx.keys import CourseKey

from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.core.djangoapps.enrollments.errors import (
    CourseEnrollmentClosedError,
    CourseEnrollmentError,
    CourseEnrollmentExistsError,
    CourseEnrollmentFullError,
    UserNotFoundError,
)
from openedx.core.djangoapps.enrollments.serializers import CourseEnrollmentSerializer, CourseSerializer
from openedx.core.lib.exceptions import CourseNotFoundError

log = logging.getLogger(__name__)
User = get_user_model()


def get_course_enrollments(username, include_inactive=False):
    """
    The serialized enrollments of ``username`` (active ones unless ``include_inactive``).
    """
    qset = CourseEnrollment.objects.filter(user__username=username).order_by("created")
    if not include_inactive:
        qset = qset.filter(is_active=True)
    enrollments = CourseEnrollmentSerializer(qset, many=True).data
    # Upstream drops enrollments whose course no longer exists.
    return [enrollment for enrollment in enrollments if enrollment["course_details"]]


def get_course_enrollment(username, course_id):
    """
    The serialized enrollment of ``username`` in ``course_id``, or None.
    """
    course_key = CourseKey.from_string(course_id)
    try:
        enrollment = CourseEnrollment.objects.get(user__username=username, course_id=course_key)
    except CourseEnrollment.DoesNotExist:
        return None
    return CourseEnrollmentSerializer(enrollment).data


def create_course_enrollment(username, course_id, mode, is_active, enterprise_uuid=None):
    """
    Enroll ``username`` in ``course_id`` (checking access) and return the serialized enrollment.
    """
    course_key = CourseKey.from_string(course_id)
    try:
        user = User.objects.get(username=username)
    except User.DoesNotExist as exc:
        msg = f"Not user with username '{username}' found."
        log.warning(msg)
        raise UserNotFoundError(msg) from exc

    try:
        enrollment = CourseEnrollment.enroll(user, course_key, check_access=True, enterprise_uuid=enterprise_uuid)
        return _update_enrollment(enrollment, is_active=is_active, mode=mode)
    except NonExistentCourseError as err:
        raise CourseNotFoundError(str(err)) from err
    except EnrollmentClosedError as err:
        raise CourseEnrollmentClosedError(str(err)) from err
    except CourseFullError as err:
        raise CourseEnrollmentFullError(str(err)) from err
    except AlreadyEnrolledError as err:
        enrollment = get_course_enrollment(username, course_id)
        raise CourseEnrollmentExistsError(str(err), enrollment) from err
    except EnrollmentNotAllowed as err:
        raise CourseEnrollmentError(str(err)) from err


def update_course_enrollment(username, course_id, mode=None, is_active=None):
    """
    Change the mode and/or activation of an existing enrollment; None when there is none.
    """
    course_key = CourseKey.from_string(course_id)
    try:
        user = User.objects.get(username=username)
    except User.DoesNotExist as exc:
        msg = f"Not user with username '{username}' found."
        log.warning(msg)
        raise UserNotFoundError(msg) from exc
    try:
        enrollment = CourseEnrollment.objects.get(user=user, course_id=course_key)
        return _update_enrollment(enrollment, is_active=is_active, mode=mode)
    except CourseEnrollment.DoesNotExist:
        return None


def _update_enrollment(enrollment, is_active=None, mode=None):
    enrollment.update_enrollment(is_active=is_active, mode=mode)
    enrollment.save()
    return CourseEnrollmentSerializer(enrollment).data


def get_course_enrollment_info(course_id, include_expired=False):
    """
    The serialized course (with its modes) of ``course_id``; raises CourseNotFoundError.
    """
    course_key = CourseKey.from_string(course_id)
    try:
        course = CourseOverview.get_from_id(course_key)
    except CourseOverview.DoesNotExist as exc:
        msg = f"Requested enrollment information for unknown course {course_id}"
        log.warning(msg)
        raise CourseNotFoundError(msg) from exc
    return CourseSerializer(course, include_expired=include_expired).data
