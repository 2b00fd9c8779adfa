"""
The LMS as the plugin sees it: every import of a platform module happens here, by its real
upstream path, inside thin functions (imported lazily, so loading the plugin never imports the host
early). The rest of the plugin calls this module only.
"""


# --- paid enrollments (issue 8) ---------------------------------------------------------------


def course_mode_model():
    from common.djangoapps.course_modes.models import CourseMode  # noqa: PLC0415

    return CourseMode


def course_enrollment_model():
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415

    return CourseEnrollment


def course_access_role_model():
    from common.djangoapps.student.models import CourseAccessRole  # noqa: PLC0415

    return CourseAccessRole


def course_overview_or_none(course_key):
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415

    try:
        return CourseOverview.get_from_id(course_key)
    except CourseOverview.DoesNotExist:
        return None


def default_enrollment_mode(course_key):
    """
    The mode ``CourseEnrollment.enroll`` picks when none is asked for (audit, else honor).
    """
    from openedx.core.djangoapps.enrollments.api import _default_course_mode  # noqa: PLC0415

    return _default_course_mode(str(course_key))


def requesting_user():
    """
    The user of the request being served (crum), or None outside a request (tasks, commands).
    """
    from crum import get_current_user  # noqa: PLC0415

    return get_current_user()


def is_course_staff(user, course_key):
    """
    Whether ``user`` is staff or instructor of the course (the platform's own roles).
    """
    from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole  # noqa: PLC0415

    return CourseStaffRole(course_key).has_user(user) or CourseInstructorRole(course_key).has_user(user)
