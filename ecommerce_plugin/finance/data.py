"""
Values the finance feature hands across its boundary.
"""
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class EnrollmentRefusal:
    """Why a course run takes no enrollment now (``course_closed`` / ``course_full``)."""

    error_code: str
    message: str


@dataclass(frozen=True)
class EnrollmentAuditRow:
    course_key: str
    total_enrolled: int
    staff_enrolled: int
    single_seat_purchases: int
    redeemed_codes: int
    unaccounted: int


@dataclass(frozen=True)
class PaymentAuditRow:
    course_key: str
    shop_total: Decimal
    processor_charged: Decimal
    processor_refunded: Decimal
    processor_net: Decimal
    difference: Decimal


@dataclass(frozen=True)
class SeatsSoldRow:
    course_key: str
    single_seat_purchases: int
    codes_from_purchases: int
    codes_from_invoices: int
    void_codes: int
    seats_sold: int
    invoiced_total: Decimal
    invoiced_paid: Decimal
