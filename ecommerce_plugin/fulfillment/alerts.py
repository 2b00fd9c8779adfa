"""
Telling people that an order's fulfillment failed for good: staff (a log alert and, when
configured, an email) and the LMS (so the learner's pending entry says so).

Runs after the commit that moved the order to Fulfillment Error, once per such change (a
duplicate delivery changes no status and alerts no one).
"""
import logging

from django.conf import settings
from django.core.mail import send_mail
from oscar.core.loading import get_model

log = logging.getLogger(__name__)

Order = get_model("order", "Order")


def order_failed(order_number):
    """
    Alert staff and queue the LMS report for order ``order_number`` that just failed for good.
    """
    from ecommerce_plugin.fulfillment.tasks import report_to_lms  # noqa: PLC0415  (tasks imports api)

    order = Order.objects.select_related("user").filter(number=order_number).first()
    if order is None:
        return
    errors = _line_errors(order)
    # The log line is the alert every deployment gets (its log pipeline pages on ERROR).
    log.error("Fulfillment of order %s (%s) failed for good; a retry or refund is needed: %s",
              order_number, order.user.username, "; ".join(errors))
    recipients = list(settings.COMMERCE_FULFILLMENT_FAILURE_EMAILS or [])
    if recipients:
        try:
            send_mail(
                subject=f"Fulfillment of order {order_number} failed",
                message=_email_body(order, errors),
                from_email=None,  # DEFAULT_FROM_EMAIL
                recipient_list=recipients,
            )
        except Exception:  # pylint: disable=broad-except
            log.exception("Could not email the fulfillment failure of order %s", order_number)
    report_to_lms.apply_async(args=[order_number, "failed"])


def _line_errors(order):
    parts = []
    for line in order.lines.select_related("fulfillment").order_by("id"):
        record = getattr(line, "fulfillment", None)
        if record is not None and record.last_error_kind:
            parts.append(f"line {line.id} {line.title!r}: {line.status}: {record.last_error}")
    return parts


def _email_body(order, errors):
    lines = "\n".join(f"- {error}" for error in errors) or "- (no line error recorded)"
    return (
        f"Order {order.number} of {order.user.username} ({order.user.email}) was paid, but its fulfillment "
        f"failed after every retry.\n\n{lines}\n\n"
        "The learner's dashboard says support has been told. Retry or refund it from the admin's "
        "\"Failed fulfillments\" page, or with `manage.py retry_fulfillment "
        f"{order.number}`.\n"
    )
