"""
Values the paid-enrollments feature hands across its boundary.
"""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ModeEnrollments:
    """
    Active enrollments in one mode of a course run, split into course staff and students.

    ``paid`` is whether the mode has a price (``min_price`` above zero): the finance audits hold
    paid-mode enrollments against purchases and codes, and show free modes apart.
    """

    mode_slug: str
    paid: bool
    students_enrolled: int
    staff_enrolled: int


@dataclass(frozen=True)
class CourseEnrollmentFacts:
    """
    What the ecommerce service needs to know about a course run to sell seats and audit them.

    ``students_enrolled`` excludes course staff and instructors, as the platform's own
    ``is_course_full`` does; ``staff_enrolled`` counts them, so neither is counted twice.
    """

    course_key: str
    course_title: str
    enrollment_start: datetime | None
    enrollment_end: datetime | None
    max_student_enrollments_allowed: int | None
    total_enrolled: int
    staff_enrolled: int
    students_enrolled: int
    is_enrollment_open: bool
    is_full: bool
    staff_usernames: tuple[str, ...]
    finance_admin_usernames: tuple[str, ...]
    modes: tuple[ModeEnrollments, ...] = ()
