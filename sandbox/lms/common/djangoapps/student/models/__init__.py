"""
Replica of openedx-platform ``common/djangoapps/student/models/__init__.py``: the package re-exports its models.
"""
from .course_enrollment import (  # noqa: F401
    AlreadyEnrolledError,
    CourseEnrollment,
    CourseEnrollmentAllowed,
    CourseEnrollmentException,
    CourseEnrollmentManager,
    CourseEnrollmentState,
    CourseFullError,
    EnrollmentClosedError,
    EnrollmentNotAllowed,
    NonExistentCourseError,
    UnenrollmentNotAllowed,
)
from .user import CourseAccessRole, UserProfile, anonymous_id_for_user  # noqa: F401
