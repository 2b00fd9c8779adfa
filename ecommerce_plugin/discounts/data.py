"""
Values that cross the discount feature's boundary.
"""
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class VerifiedDiscount:
    """
    A discount token that verified for this basket's owner and seat.
    """

    jti: str
    username: str
    course_key: str
    percent: Decimal
    claims: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class DiscountRefusal:
    """
    A token that was given but not honoured: the code, and the message the learner sees.
    """

    error_code: str
    message: str


@dataclass(frozen=True)
class DiscountVerdict:
    """
    What the basket's discount is: ``discount`` when honoured, ``refusal`` when a token was refused,
    neither when no token was given.
    """

    token: str | None
    discount: VerifiedDiscount | None = None
    refusal: DiscountRefusal | None = None
