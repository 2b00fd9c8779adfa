"""
Replica of openedx-platform ``openedx/core/djangoapps/enrollments/api.py`` (subset): the enrollment Python API used by the REST views.

Upstream loads the data layer named by ``settings.ENROLLMENT_DATA_API``; the
sandbox always uses ``enrollments.data``. Enrollment attributes are not replicated.
"""
import logging

from common.djangoapps.course_modes.models import CourseMode
from opaque_keys.edx.keys import CourseKey

from openedx.core.djangoapps.enrollments import data as _data_api
from openedx.core.djangoapps.enrollments.errors import CourseEnrollmentError, CourseModeNotFoundError
from openedx.core.lib.exceptions import CourseNotFoundError  # noqa: F401  (re-exported for callers of the API)

log = logging.getLogger(__name__)


def get_enrollments(username, include_inactive=False):
    """Retrieves all the courses a user is enrolled in."""
    return _data_api.get_course_enrollments(username, include_inactive)


def get_enrollment(username, course_id):
    """Retrieves the user's enrollment in ``course_id`` (a dict) or None."""
    return _data_api.get_course_enrollment(username, course_id)


def add_enrollment(username, course_id, mode=None, is_active=True, enrollment_attributes=None, enterprise_uuid=None):
    """
    Enrolls a user in a course; ``mode`` defaults to the course's default mode.

    Raises CourseModeNotFoundError if ``mode`` is not available for the course,
    CourseNotFoundError for an unknown course and the data layer's errors.
    """
    if enrollment_attributes:
        raise CourseEnrollmentError("Enrollment attributes are not supported by the sandbox LMS.")
    if mode is None:
        mode = _default_course_mode(course_id)
    validate_course_mode(course_id, mode, is_active=is_active)
    return _data_api.create_course_enrollment(username, course_id, mode, is_active, enterprise_uuid)


def update_enrollment(
    username, course_id, mode=None, is_active=None, enrollment_attributes=None, include_expired=False
):
    """
    Updates the mode and/or activation of a user's enrollment in a course.
    """
    log.info("Starting Update Enrollment process for user %s in course %s to mode %s", username, course_id, mode)
    if enrollment_attributes:
        raise CourseEnrollmentError("Enrollment attributes are not supported by the sandbox LMS.")
    if mode is not None:
        validate_course_mode(course_id, mode, is_active=is_active, include_expired=include_expired)
    enrollment = _data_api.update_course_enrollment(username, course_id, mode=mode, is_active=is_active)
    if enrollment is None:
        msg = f"Course Enrollment not found for user {username} in course {course_id}"
        log.warning(msg)
        raise CourseEnrollmentError(msg)
    return enrollment


def get_course_enrollment_details(course_id, include_expired=False):
    """Get the course modes (and details) of a course."""
    return _data_api.get_course_enrollment_info(course_id, include_expired)


def validate_course_mode(course_id, mode, is_active=None, include_expired=False):
    """
    Checks whether ``mode`` is available for the course (expired modes are fine when deactivating).

    Raises CourseModeNotFoundError with the course details as ``data``.
    """
    # If the client has requested an enrollment deactivation, we want to include expired modes
    # in the set of available modes.
    include_expired = not is_active if is_active is not None else include_expired
    course_enrollment_info = _data_api.get_course_enrollment_info(course_id, include_expired=include_expired)
    available_modes = [m["slug"] for m in course_enrollment_info["course_modes"]]
    if mode not in available_modes:
        msg = (
            f"Specified course mode '{mode}' unavailable for course {course_id}.  "
            f"Available modes were: {', '.join(available_modes)}"
        )
        log.warning(msg)
        raise CourseModeNotFoundError(msg, course_enrollment_info)


def _default_course_mode(course_id):
    """
    The default enrollment mode of a course: audit if it has one, else honor, else the platform default.
    """
    course_modes = CourseMode.modes_for_course(CourseKey.from_string(course_id))
    available_modes = [m.slug for m in course_modes]
    if CourseMode.DEFAULT_MODE_SLUG in available_modes:
        return CourseMode.DEFAULT_MODE_SLUG
    if CourseMode.HONOR in available_modes:
        return CourseMode.HONOR
    return CourseMode.DEFAULT_MODE_SLUG
