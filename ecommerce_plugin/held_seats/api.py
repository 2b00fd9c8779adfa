"""
Held seats, the Python API: would selling ``seat`` to ``user`` sell them a seat they already
have? Answered from the shop's own records only, so the checkout never waits on the LMS:

* the shop's orders: a single-seat line for the course, Open (paid, fulfillment on its way) or
  Complete (the shop enrolled them), in that mode or a higher one;
* baskets of the learner frozen for payment with such a seat (a payment in progress);
* registration codes the learner redeemed for the course (pending or enrolled);
* the LMS's enrollments as last reported (``LearnerEnrollment``), refreshed by a task queued
  whenever a seat goes into a basket, and by the LMS's enrollment events. A report newer than a
  completed order overrides it (the learner unenrolled, or changed mode, in the LMS).

Multi-seat lines (registration codes) and CCX purchases are not seats of the buyer and are
never refused. A line whose fulfillment failed is still paid for: staff retry it or refund it,
and the receipt tells the learner not to pay again, so it counts as paid until it is Refunded.
"""
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import course_title, seat_for_product
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.fulfillment.status import LINE
from ecommerce_plugin.held_seats import errors, rules
from ecommerce_plugin.held_seats.data import HeldSeat
from ecommerce_plugin.held_seats.models import LearnerEnrollment
from ecommerce_plugin.registration_codes import api as codes_api
from ecommerce_plugin.transactions import on_commit_robust

log = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Line = get_model("order", "Line")

OPEN, COMPLETE = LINE.OPEN, LINE.COMPLETE
# Paid, the learner not (yet) enrolled: fulfillment on its way, or failed and awaiting a retry or refund.
PAID_NOT_ENROLLED = (OPEN, *LINE.ERRORS)
ENROLLMENT_LIST_PATH = "/api/enrollment/v1/enrollment"


def course_url(course_key):
    return platform.lms_url(f"/courses/{course_key}/about")


def held_seat(user, seat, *, exclude_basket_id=None):
    """
    A ``HeldSeat`` saying why ``user`` may not buy ``seat`` (a catalog ``Seat``), or None.

    ``exclude_basket_id`` is the basket being paid for, which must not count against itself.
    """
    course_key, wanted = seat.course_key, seat.certificate_type

    def refusal(error_code, mode):
        return HeldSeat(error_code, course_key, mode, course_url(course_key))

    fact = LearnerEnrollment.objects.filter(user=user, course_key=course_key).first()
    if fact is not None and fact.is_active and rules.holds(fact.mode, wanted):
        return refusal(errors.SEAT_ALREADY_HELD, fact.mode)
    for mode, status, placed in _single_seat_lines(user, course_key):
        if not rules.holds(mode, wanted):
            continue
        if status in PAID_NOT_ENROLLED:
            return refusal(errors.SEAT_ALREADY_PAID, mode)
        if fact is None or fact.reported_at < placed:
            return refusal(errors.SEAT_ALREADY_HELD, mode)
    for mode in _modes_in_frozen_baskets(user, course_key, exclude_basket_id):
        if rules.holds(mode, wanted):
            return refusal(errors.SEAT_ALREADY_PAID, mode)
    for mode in codes_api.redeemed_modes(user, course_key):
        if rules.holds(mode, wanted):
            return refusal(errors.SEAT_ALREADY_HELD, mode)
    return None


def refusal_message(held):
    """
    What the learner is told, with where to find the course.
    """
    if held.error_code == errors.SEAT_ALREADY_PAID:
        text = _("You have already paid for a seat in %(course)s (%(mode)s); your enrollment is on its way.")
    else:
        text = _("You are already enrolled in %(course)s (%(mode)s); there is nothing more to buy.")
    return text % {"course": course_title(held.course_key) or held.course_key, "mode": held.mode}


def refuse_if_held(user, seat, *, exclude_basket_id=None):
    """
    Raise ``SeatHeld`` (a ``CheckoutRefused``, 409) when ``user`` holds or has paid for ``seat``.

    Does nothing on a host that refuses duplicate seats itself (Otto).
    """
    if platform.host_refuses_duplicate_seats():
        return
    held = held_seat(user, seat, exclude_basket_id=exclude_basket_id)
    if held is not None:
        raise SeatHeld(held)


class SeatHeld(CheckoutRefused):
    """
    The learner has this seat already; ``course_url`` is where they find the course.
    """

    def __init__(self, held):
        super().__init__(held.error_code, f"{refusal_message(held)} {held.course_url}", http_status=409)
        self.held = held
        self.course_url = held.course_url
        self.learner_message = refusal_message(held)


def _seats_of(course_key):
    return {
        "product__attribute_values__attribute__code": "course_key",
        "product__attribute_values__value_text": str(course_key),
    }


def _single_seat_lines(user, course_key):
    lines = (
        Line.objects.filter(
            order__user=user, quantity=1, status__in=(COMPLETE, *PAID_NOT_ENROLLED), **_seats_of(course_key)
        )
        .select_related("product", "order")
        .order_by("-order__date_placed")
    )
    for line in lines:
        seat = seat_for_product(line.product) if line.product else None
        if seat is not None:
            yield seat.certificate_type, line.status, line.order.date_placed


def _modes_in_frozen_baskets(user, course_key, exclude_basket_id):
    BasketLine = get_model("basket", "Line")
    lines = (
        BasketLine.objects.filter(
            basket__owner=user, basket__status=Basket.FROZEN, quantity=1, **_seats_of(course_key)
        )
        .exclude(basket_id=exclude_basket_id)
        .select_related("product")
    )
    for line in lines:
        seat = seat_for_product(line.product)
        if seat is not None:
            yield seat.certificate_type


def lock_learner(user):
    """
    Serialize the checkouts of one learner (a row lock on the user, held until the caller's
    transaction ends), so two payments for one seat see each other's frozen basket.
    """
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))


# What the LMS says -------------------------------------------------------------------------------


def record_lms_enrollment(username, course_key, mode, is_active, reported_at=None):
    """
    Store one enrollment as the LMS reported it (an event, or one entry of the enrollment API),
    unless a newer report is stored already. Unknown users are ignored: they never bought here.
    """
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return None
    reported_at = reported_at or timezone.now()
    with transaction.atomic():
        fact, created = LearnerEnrollment.objects.select_for_update().get_or_create(
            user=user,
            course_key=str(course_key),
            defaults={"mode": mode, "is_active": bool(is_active), "reported_at": reported_at},
        )
        if not created and fact.reported_at <= reported_at:
            fact.mode, fact.is_active, fact.reported_at = mode, bool(is_active), reported_at
            fact.save(update_fields=["mode", "is_active", "reported_at"])
    return fact


def sync_learner_enrollments(user_id):
    """
    Ask the LMS for the learner's active enrollments (the service user may list anyone's), then
    store them; a stored active enrollment the LMS no longer lists becomes inactive.

    Runs in a task, never in a learner's request; the HTTP call happens outside any transaction.
    Returns the number of active enrollments the LMS reported.
    """
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return 0
    asked_at = timezone.now()
    response = platform.lms_api_client().get(platform.lms_url(ENROLLMENT_LIST_PATH), params={"user": user.username})
    response.raise_for_status()
    active = {}
    for row in response.json():
        course_key = (row.get("course_details") or {}).get("course_id")
        if course_key and row.get("is_active", True):
            active[str(course_key)] = row.get("mode") or ""
    for course_key, mode in active.items():
        record_lms_enrollment(user.username, course_key, mode, True, asked_at)
    gone = LearnerEnrollment.objects.filter(user=user, is_active=True, reported_at__lt=asked_at).exclude(
        course_key__in=list(active)
    )
    gone.update(is_active=False, reported_at=asked_at)
    return len(active)


def sync_soon(user):
    """
    Queue a sync of the learner's LMS enrollments after the current transaction commits.
    """
    from ecommerce_plugin.held_seats.tasks import sync_learner_enrollments as task  # noqa: PLC0415

    user_id = user.pk
    on_commit_robust(lambda: task.delay(user_id))

