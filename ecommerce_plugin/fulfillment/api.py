"""
Order fulfillment, the Python API: fulfil an order's open lines, list and retry failed orders.

Idempotent per line: each line is fulfilled inside a transaction that holds its row lock
(``select_for_update``) from the moment its status is read until the new status is
committed. A second delivery of the same task, running at the same time, waits on the lock and
then sees Complete; a delivery after a crash sees the line still Open and offers it again,
which the modules accept because the LMS enrollment API is idempotent. Complete is the end of
the line pipeline, so no retry, redelivery or staff action fulfils a completed line again.

Every status change writes one Oscar ``OrderNote`` in the same transaction as the change, and
only when the status actually changes; a duplicate delivery finds nothing to change and writes
nothing.
"""
import logging
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.fulfillment import alerts, errors
from ecommerce_plugin.fulfillment.data import FulfillmentReport, LineOutcome, RetryResult
from ecommerce_plugin.fulfillment.models import LineFulfillment
from ecommerce_plugin.fulfillment.modules import configured_modules, module_for_line
from ecommerce_plugin.fulfillment.status import LINE, ORDER
from ecommerce_plugin.transactions import on_commit_robust

log = logging.getLogger(__name__)

Line = get_model("order", "Line")
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")


class OrderNotFound(Exception):
    error_code = errors.ORDER_NOT_FOUND


def fulfill_order(order_number, *, final_attempt=True):
    """
    Fulfil the Open lines of order ``order_number``; returns a ``FulfillmentReport``.

    A line failing with a retryable kind (network, timeout, server) stays Open when
    ``final_attempt`` is False, for the caller to retry; otherwise it takes the error status
    of its kind. The order becomes Complete when every line is, Fulfillment Error when no line
    is left Open and one failed.
    """
    order = Order.objects.select_related("user").filter(number=order_number).first()
    if order is None:
        raise OrderNotFound(order_number)
    modules = configured_modules()
    completed, failed, retryable, error_details = [], [], [], {}
    for line_id in order.lines.order_by("id").values_list("id", flat=True):
        outcome, status = _fulfill_line(order, line_id, modules, final_attempt)
        if status == LINE.COMPLETE:
            completed.append(line_id)
        elif status in LINE.ERRORS:
            failed.append(line_id)
        elif outcome is not None and not outcome.succeeded:
            retryable.append(line_id)
        if outcome is not None and not outcome.succeeded:
            error_details[line_id] = f"{outcome.error_kind}: {outcome.detail}"
    order_status = _settle_order(order.pk)
    return FulfillmentReport(
        order_number=order_number,
        status=order_status,
        completed_line_ids=tuple(completed),
        failed_line_ids=tuple(failed),
        retryable_line_ids=tuple(retryable),
        errors=error_details,
    )


@transaction.atomic
def _fulfill_line(order, line_id, modules, final_attempt):
    """
    Fulfil one line under its row lock; returns (outcome or None when not attempted, line status).
    """
    line = Line.objects.select_for_update().select_related("product").get(id=line_id)
    if line.status != LINE.OPEN:
        # Complete is final; lines in error wait for a staff retry, which reopens them.
        return None, line.status
    record, _ = LineFulfillment.objects.get_or_create(line=line)
    module = module_for_line(line, modules)
    if module is None:
        outcome = LineOutcome(line.id, errors.CONFIGURATION, "No fulfillment module supports this product.")
    else:
        outcome = module.fulfill_product(order, [line]).get(line.id) or LineOutcome(
            line.id, errors.CONFIGURATION, f"{type(module).__name__} returned no outcome for the line."
        )
    record.attempts += 1
    if outcome.succeeded:
        record.completed_at = timezone.now()
        record.last_error_kind = record.last_error = ""
        _change_line_status(order, line, LINE.COMPLETE, f"Line {line.id} ({line.title}) fulfilled.")
    else:
        record.last_error_kind = outcome.error_kind
        record.last_error = outcome.detail[:500]
        if outcome.error_kind in errors.RETRYABLE and not final_attempt:
            log.info("Line %s of order %s failed (%s), will retry: %s", line.id, order.number, outcome.error_kind,
                     outcome.detail)
        else:
            _change_line_status(
                order, line, errors.LINE_STATUS_FOR_KIND[outcome.error_kind],
                f"Line {line.id} ({line.title}) could not be fulfilled ({outcome.error_kind} error after "
                f"{record.attempts} attempt(s)): {outcome.detail}",
            )
    record.save()
    return outcome, line.status


def _change_line_status(order, line, status, message):
    line.set_status(status)
    OrderNote.objects.create(order=order, note_type=OrderNote.SYSTEM, message=message)


@transaction.atomic
def _settle_order(order_pk):
    """
    Move the order to Complete or Fulfillment Error once its lines say so (under the order lock).
    """
    order = Order.objects.select_for_update().get(pk=order_pk)
    statuses = list(order.lines.values_list("status", flat=True))
    if statuses and all(status in (LINE.COMPLETE, LINE.REFUNDED) for status in statuses):
        target = ORDER.COMPLETE if LINE.COMPLETE in statuses else ORDER.REFUNDED
    elif LINE.OPEN not in statuses and any(status in LINE.ERRORS for status in statuses):
        target = ORDER.FULFILLMENT_ERROR
    else:
        return order.status
    if order.status != target:
        previous = order.status
        order.set_status(target)
        OrderNote.objects.create(
            order=order, note_type=OrderNote.SYSTEM, message=f"Order status changed from {previous} to {target}."
        )
        if target == ORDER.FULFILLMENT_ERROR:
            # Once per change to the error state: a duplicate delivery changes nothing, alerts no one.
            number = order.number
            on_commit_robust(lambda: alerts.order_failed(number))
    return order.status


def failed_orders():
    """
    Numbers of the orders whose fulfillment failed, oldest first.
    """
    return list(Order.objects.filter(status=ORDER.FULFILLMENT_ERROR).order_by("date_placed").values_list(
        "number", flat=True))


def stuck_open_orders(placed_before):
    """
    Numbers of the orders still Open that were placed before ``placed_before``, oldest first.
    """
    return list(
        Order.objects.filter(status=ORDER.OPEN, date_placed__lt=placed_before)
        .order_by("date_placed")
        .values_list("number", flat=True)
    )


def requeue_stuck_orders(placed_before):
    """
    Queue again every order still Open that was placed before ``placed_before``; returns their numbers.

    An order stays Open with no task when its enqueue was lost after the commit (the broker was
    down: enqueues after commit are ``robust``). Fulfillment is idempotent per line, so queueing
    an order whose task is merely slow costs one no-op run.
    """
    from ecommerce_plugin.fulfillment.tasks import enqueue  # noqa: PLC0415  (tasks imports this module)

    numbers = stuck_open_orders(placed_before)
    for number in numbers:
        enqueue(number, retry=True)
    return numbers


def retry_fulfillment(order_numbers, requested_by=None):
    """
    Reopen each failed order and its failed lines (never its completed ones) and enqueue it again.

    Returns a ``RetryResult`` per order; an order not in Fulfillment Error is left alone
    (``error_code`` says why), so a double click or a concurrent worker changes nothing twice.
    """
    results = []
    for number in order_numbers:
        results.append(_reopen(number, requested_by))
    return results


@transaction.atomic
def _reopen(order_number, requested_by):
    from ecommerce_plugin.fulfillment.tasks import enqueue  # noqa: PLC0415  (tasks imports this module)

    order = Order.objects.select_for_update().filter(number=order_number).first()
    if order is None:
        return RetryResult(order_number, errors.ORDER_NOT_FOUND)
    if order.status != ORDER.FULFILLMENT_ERROR:
        return RetryResult(order_number, errors.ORDER_NOT_IN_ERROR)
    reopened = []
    for line in Line.objects.select_for_update().filter(order=order, status__in=LINE.ERRORS).order_by("id"):
        line.set_status(LINE.OPEN)
        reopened.append(str(line.id))
    if platform.is_otto() and reopened:
        # Otto's seat module counts the attempts of the current run to know its last one
        # (fulfillment.otto.worker_will_retry): a staff retry starts a new run.
        LineFulfillment.objects.filter(line_id__in=reopened).update(attempts=0)
    order.set_status(ORDER.OPEN)
    who = getattr(requested_by, "username", None) or "support"
    OrderNote.objects.create(
        order=order,
        user=requested_by if getattr(requested_by, "pk", None) else None,
        note_type=OrderNote.SYSTEM,
        message=f"Fulfillment retry requested by {who}; lines reopened: {', '.join(reopened) or 'none'}.",
    )
    on_commit_robust(lambda: enqueue(order_number, retry=True))
    on_commit_robust(lambda: _report_to_lms(order_number, "pending"))
    return RetryResult(order_number)


def _report_to_lms(order_number, state, line_ids=None):
    from ecommerce_plugin.fulfillment.tasks import report_to_lms  # noqa: PLC0415  (tasks imports this module)

    report_to_lms.apply_async(args=[order_number, state], kwargs={"line_ids": line_ids})


def refund_failed_lines(order_numbers, requested_by=None):
    """
    Refund the failed lines of each order in Fulfillment Error through the payment processor,
    instead of retrying them; returns a ``RetryResult`` per order (``error_code`` when not done).

    Under the order's lock, so a double click refunds once: the second finds the order no longer
    in error. The processor is called inside that transaction; if it raises, nothing changes.
    The refunded lines end Refunded (final) and the LMS stops showing them as pending.
    """
    return [_refund(number, requested_by) for number in order_numbers]


@transaction.atomic
def _refund(order_number, requested_by):
    order = Order.objects.select_for_update().select_related("basket").filter(number=order_number).first()
    if order is None:
        return RetryResult(order_number, errors.ORDER_NOT_FOUND)
    if order.status != ORDER.FULFILLMENT_ERROR:
        return RetryResult(order_number, errors.ORDER_NOT_IN_ERROR)
    lines = list(Line.objects.select_for_update().filter(order=order, status__in=LINE.ERRORS).order_by("id"))
    amount = sum((line.line_price_incl_tax for line in lines), Decimal("0.00"))
    source = order.sources.order_by("id").first()
    refund_id = None
    if amount > 0:
        if source is None:
            return RetryResult(order_number, errors.NO_PAYMENT_TO_REFUND)
        try:
            refund_id = platform.payment_processor().issue_credit(
                order.number, order.basket, source.reference, amount, order.currency
            )
        except Exception:  # pylint: disable=broad-except
            log.exception("Refund of order %s failed at the payment processor", order_number)
            return RetryResult(order_number, errors.REFUND_FAILED)
        source.refund(amount, reference=refund_id or "")
        event_type, _ = PaymentEventType.objects.get_or_create(name="Refunded")
        PaymentEvent.objects.create(order=order, event_type=event_type, amount=amount, reference=refund_id or "")
    for line in lines:
        line.set_status(LINE.REFUNDED)
    who = getattr(requested_by, "username", None) or "support"
    OrderNote.objects.create(
        order=order,
        user=requested_by if getattr(requested_by, "pk", None) else None,
        note_type=OrderNote.SYSTEM,
        message=f"Refund of {amount} {order.currency} by {who} ({refund_id or 'nothing charged'}); lines refunded: "
                f"{', '.join(str(line.id) for line in lines) or 'none'}.",
    )
    line_ids = [line.id for line in lines]
    on_commit_robust(lambda: _report_to_lms(order_number, "cancelled", line_ids))
    _settle_order(order.pk)
    return RetryResult(order_number)


def report_fulfillment_state(order_number, state, line_ids=None):
    """
    Tell the LMS the state of the seat lines of ``order_number`` (``failed``: those in error;
    ``pending``: those reopened; ``cancelled``: ``line_ids``, refunded). Returns the HTTP answer,
    or None when no line of the order enrolls its buyer. Raises ``requests`` errors to the task.
    """
    from ecommerce_plugin.fulfillment.modules import lms_client  # noqa: PLC0415

    order = Order.objects.select_related("user").filter(number=order_number).first()
    if order is None:
        return None
    lines = order.lines.select_related("product").order_by("id")
    if line_ids is not None:
        lines = lines.filter(id__in=line_ids)
    elif state == "failed":
        lines = lines.filter(status__in=LINE.ERRORS)
    else:
        lines = lines.filter(status=LINE.OPEN)
    enrollments = seat_enrollments(order, list(lines))
    if not enrollments:
        return None
    return lms_client().post(
        # The order's site: on Otto each site has its LMS, and this runs in a task without a request.
        platform.lms_url(LMS_FULFILLMENT_STATE_PATH, site=getattr(order, "site", None)),
        json={"username": order.user.username, "order_number": order.number, "state": state,
              "enrollments": enrollments},
    )


LMS_FULFILLMENT_STATE_PATH = "/api/pending_enrollments/v1/fulfillment/"


# --- the learner's way back to the LMS ---------------------------------------------------------


def seat_enrollments(order, lines=None):
    """
    ``[{"course_id", "mode"}]`` of the lines of ``order`` (or ``lines``) that enroll the buyer:
    those the seat enrollment module fulfils (not multi-seat lines, which issue codes, nor CCX lines).
    """
    from ecommerce_plugin.catalog.api import seat_for_product  # noqa: PLC0415
    from ecommerce_plugin.fulfillment.modules import EnrollmentFulfillmentModule, mode_for_seat  # noqa: PLC0415

    modules = configured_modules()
    enrollments = []
    for line in lines if lines is not None else order.lines.select_related("product").order_by("id"):
        if line.product is None or not isinstance(module_for_line(line, modules), EnrollmentFulfillmentModule):
            continue
        seat = seat_for_product(line.product)
        enrollments.append({"course_id": seat.course_key, "mode": mode_for_seat(seat)})
    return enrollments


def learner_dashboard_url(order):
    """
    Where the receipt sends the learner: while the order is being fulfilled, the LMS's
    pending-enrollment hand-off (the token in the URL fragment, never sent to a server);
    otherwise, or without the shared secret, the LMS dashboard.
    """
    from urllib.parse import urlencode  # noqa: PLC0415

    from ecommerce_plugin import platform  # noqa: PLC0415
    from ecommerce_plugin.fulfillment import handoff  # noqa: PLC0415

    token = None
    if order.status == ORDER.OPEN:
        token = handoff.token(order.user.username, order.number, seat_enrollments(order))
    if token is None:
        return platform.lms_url("/dashboard")
    return platform.lms_url(f"/commerce/pending-enrollments/from-receipt/#{urlencode({'token': token})}")


def learner_facing_state(order):
    """
    What the receipt tells the learner: ``processing``, ``complete``, ``failed`` (support was
    told) or ``refunded``; never the raw Oscar status.
    """
    return {
        ORDER.COMPLETE: "complete",
        ORDER.FULFILLMENT_ERROR: "failed",
        ORDER.REFUNDED: "refunded",
    }.get(order.status, "processing")
