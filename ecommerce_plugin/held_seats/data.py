"""
Values that cross the held-seats boundary.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class HeldSeat:
    """
    Why a learner may not buy a seat again: ``error_code`` is ``seat_already_held`` (enrolled in
    that mode or a higher one) or ``seat_already_paid`` (an order or a payment in progress will
    enroll them); ``course_url`` is where the learner finds the course.
    """

    error_code: str
    course_key: str
    mode: str
    course_url: str
