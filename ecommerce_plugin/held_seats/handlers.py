"""
The LMS's enrollment events, where the shop consumes them from the event bus: each one updates
the shop's copy of the learner's enrollment at once, without waiting for the next sync.
"""


def enrollment_reported(signal=None, sender=None, enrollment=None, metadata=None, **kwargs):  # pylint: disable=unused-argument
    """
    COURSE_ENROLLMENT_CREATED / COURSE_ENROLLMENT_CHANGED: ``enrollment`` is a ``CourseEnrollmentData``;
    the event's time orders it against the other reports.
    """
    from ecommerce_plugin.held_seats import api  # noqa: PLC0415

    if enrollment is None:
        return
    api.record_lms_enrollment(
        enrollment.user.pii.username,
        str(enrollment.course.course_key),
        enrollment.mode,
        enrollment.is_active,
        getattr(metadata, "time", None),
    )
