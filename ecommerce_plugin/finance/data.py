"""
Values the finance feature hands across its boundary.
"""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class EnrollmentRefusal:
    """Why a course run takes no enrollment now (``course_closed`` / ``course_full``)."""

    error_code: str
    message: str


@dataclass(frozen=True)
class DateRange:
    """
    Inclusive calendar dates (either may be None: open-ended) an audit is limited to.
    """

    since: date | None = None
    until: date | None = None

    def __bool__(self):
        return self.since is not None or self.until is not None


@dataclass(frozen=True)
class EnrollmentAuditRow:
    """
    The enrollment equation of the old shopping cart's audit, over the course's paid modes::

        paid_enrolled = single_seat_purchases + redeemed_codes + staff_enrolled + unaccounted

    ``unaccounted`` is the document's ``number_of_manually_enrolled_students`` when positive
    (negative: purchases or redemptions the LMS has not enrolled yet). Purchases and redemptions
    by course staff are left out, since ``staff_enrolled`` counts those people already.
    Enrollments in free modes (audit, honor at no price) need no purchase and are shown apart.

    The LMS figures are as of ``synced_at`` (the last ``sync_course_facts``); they are None when
    the course was never synced, and so is ``unaccounted``. The shop figures are as of
    ``computed_at``.
    """

    course_key: str
    course_title: str
    synced_at: datetime | None
    computed_at: datetime
    paid_enrolled: int | None
    staff_enrolled: int | None
    single_seat_purchases: int
    redeemed_codes: int
    unaccounted: int | None
    free_enrolled: int | None
    free_staff_enrolled: int | None
    free_modes: str
    paid_modes: str


@dataclass(frozen=True)
class PaymentAuditRow:
    """
    The payment equation: ``shop_total = processor_charged`` when every sale was charged;
    refunds are apart (``processor_net = processor_charged - processor_refunded``), as the
    document asks (the processor's report includes refunds the shop never recorded).
    """

    course_key: str
    course_title: str
    computed_at: datetime
    currency: str
    shop_total: Decimal
    processor_charged: Decimal
    processor_refunded: Decimal
    processor_net: Decimal
    difference: Decimal


@dataclass(frozen=True)
class SeatsSoldRow:
    """
    ``seats_sold = single_seat_purchases + codes_from_purchases + codes_from_invoices`` (the
    document's ``num_seats_sold``; void codes apart). Staff purchases count here, as the
    document says.
    """

    course_key: str
    course_title: str
    computed_at: datetime
    currency: str
    single_seat_purchases: int
    codes_from_purchases: int
    codes_from_invoices: int
    void_codes: int
    seats_sold: int
    invoiced_total: Decimal
    invoiced_paid: Decimal
