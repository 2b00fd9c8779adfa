"""
Values that cross the discount engine's boundary.
"""
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CourseDiscountFacts:
    """
    What the rules need to know about a course run, cached briefly (it changes rarely).
    """

    course_key: str
    exists: bool
    org: str = ""
    end: datetime | None = None
    # The unexpired verified (or professional) mode: its upgrade deadline, if any.
    has_verified_mode: bool = False
    upgrade_deadline: datetime | None = None


@dataclass(frozen=True)
class DiscountConfiguration:
    """
    The configuration that applies to one course run after precedence (course > org > site > default).
    """

    restricted: bool
    percentage: int


@dataclass(frozen=True)
class DiscountEligibility:
    """
    The answer for one learner and course: eligible or not, why not, and at what percentage.
    """

    applicable: bool
    percentage: int
    reason: str | None = None


@dataclass(frozen=True)
class DiscountOffer:
    """
    What the discount endpoint answers: the eligibility and the signed JWT that proves it.
    """

    applicable: bool
    percentage: int
    jwt: str
    jti: str
    expires_at: int
