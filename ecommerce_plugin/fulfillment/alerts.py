"""
Telling people that an order's fulfillment failed for good: staff (a log alert and, when
configured, an email) and the LMS (so the learner's pending entry says so).

Runs after the commit that moved the order to Fulfillment Error, once per such change (a
duplicate delivery changes no status and alerts no one). The email is the shop's communication
event type ``COMMERCE_FULFILLMENT_FAILED`` (``ecommerce_plugin.messaging``), text and HTML: the
course of each failed line by its title, the line's error, and the way to a retry (the failed
order's admin page, or the ``retry_fulfillment`` command).
"""
import logging

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from oscar.core.loading import get_model

from ecommerce_plugin import platform

log = logging.getLogger(__name__)

Order = get_model("order", "Order")
RETRY_ADMIN_URL_NAME = "admin:commerce_fulfillment_failedfulfillmentorder_change"


def order_failed(order_number, line_ids=None):
    """
    Alert staff and queue the LMS report for order ``order_number`` that just failed for good
    (its lines in error, or ``line_ids``).
    """
    from ecommerce_plugin.fulfillment.tasks import report_to_lms  # noqa: PLC0415  (tasks imports api)

    order = Order.objects.select_related("user").filter(number=order_number).first()
    if order is None:
        return
    lines = failed_lines(order)
    # The log line is the alert every deployment gets (its log pipeline pages on ERROR).
    log.error("Fulfillment of order %s (%s) failed for good; a retry or refund is needed: %s",
              order_number, order.user.username,
              "; ".join(f"line {line['id']} {line['title']!r}: {line['status']}: {line['error']}" for line in lines))
    recipients = list(settings.COMMERCE_FULFILLMENT_FAILURE_EMAILS or [])
    if recipients:
        try:
            email_staff(order, lines, recipients)
        except Exception:  # pylint: disable=broad-except
            log.exception("Could not email the fulfillment failure of order %s", order_number)
    report_to_lms.apply_async(args=[order_number, "failed"], kwargs={"line_ids": line_ids})


def failed_lines(order):
    """
    ``[{"id", "title", "course_key", "course_title", "status", "error"}]`` of the order's lines
    whose fulfillment recorded an error; the course's title as the shop sells it.
    """
    from ecommerce_plugin.catalog.api import course_titles  # noqa: PLC0415

    rows = []
    for line in order.lines.select_related("fulfillment", "product").order_by("id"):
        record = getattr(line, "fulfillment", None)
        if record is not None and record.last_error_kind:
            rows.append({"id": line.id, "title": line.title, "course_key": _course_key(line),
                         "status": line.status, "error": record.last_error})
    titles = course_titles({row["course_key"] for row in rows if row["course_key"]})
    for row in rows:
        row["course_title"] = titles.get(row["course_key"]) or row["title"]
    return rows


def _course_key(line):
    """The course a line sells a seat in (a seat, registration codes, a custom course), or None."""
    from ecommerce_plugin.catalog.api import seat_for_product  # noqa: PLC0415
    from ecommerce_plugin.registration_codes.api import seat_of_code_line  # noqa: PLC0415

    if line.product is None:
        return None
    seat = seat_for_product(line.product)
    if seat is None and platform.is_otto():
        seat = seat_of_code_line(line)
    if seat is not None:
        return seat.course_key
    master = getattr(line.product.attr, "master_course_key", None)
    return str(master) if master else None


def email_staff(order, lines, recipients):
    """
    Send event type ``COMMERCE_FULFILLMENT_FAILED`` about ``order`` to each of ``recipients``.
    """
    from ecommerce_plugin import messaging  # noqa: PLC0415

    context = {
        "order": order,
        "buyer": order.user,
        "lines": lines,
        "retry_url": retry_url(order),
        "retry_command": f"manage.py retry_fulfillment {order.number}",
    }
    return sum(messaging.send(messaging.FULFILLMENT_FAILED, recipient, context) for recipient in recipients)


def retry_url(order):
    """
    The failed order's page in the shop's admin (its retry and refund buttons), absolute on the
    current site; empty where the admin does not mount it.
    """
    try:
        path = reverse(RETRY_ADMIN_URL_NAME, args=[order.pk])
    except NoReverseMatch:
        return ""
    return platform.shop_url(path)
