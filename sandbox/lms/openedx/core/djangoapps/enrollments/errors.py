"""
Replica of openedx-platform ``openedx/core/djangoapps/enrollments/errors.py``.
"""


class CourseEnrollmentError(Exception):
    """
    Generic Course Enrollment Error; ``data`` carries details for the caller.
    """

    def __init__(self, msg, data=None):
        super().__init__(msg)
        # Corresponding information to help resolve the error.
        self.data = data


class UserNotFoundError(CourseEnrollmentError):
    pass


class CourseEnrollmentClosedError(CourseEnrollmentError):
    pass


class CourseEnrollmentFullError(CourseEnrollmentError):
    pass


class CourseEnrollmentExistsError(CourseEnrollmentError):
    enrollment = None

    def __init__(self, message, enrollment):
        super().__init__(message)
        self.enrollment = enrollment


class CourseModeNotFoundError(CourseEnrollmentError):
    """The requested course mode could not be found."""


class EnrollmentNotFoundError(CourseEnrollmentError):
    """The requested enrollment could not be found."""


class EnrollmentApiLoadError(CourseEnrollmentError):
    """The data API could not be loaded."""


class InvalidEnrollmentAttribute(CourseEnrollmentError):
    """Enrollment Attributes could not be validated"""
