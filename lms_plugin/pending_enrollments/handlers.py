"""
openedx-events receivers: an enrollment that becomes active clears its pending status.
"""
import logging

from lms_plugin.pending_enrollments import api

log = logging.getLogger(__name__)


def clear_on_enrollment(signal=None, sender=None, enrollment=None, **kwargs):  # pylint: disable=unused-argument
    """
    COURSE_ENROLLMENT_CREATED / COURSE_ENROLLMENT_CHANGED: ``enrollment`` is a ``CourseEnrollmentData``.
    """
    if enrollment is None:
        return
    cleared = api.clear_for_enrollment(
        enrollment.user.pii.username, enrollment.course.course_key, enrollment.mode, enrollment.is_active
    )
    if cleared:
        log.info("Pending enrollment of %s in %s cleared", enrollment.user.pii.username, enrollment.course.course_key)
