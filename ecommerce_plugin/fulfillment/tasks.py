"""
The fulfillment task: acks late, retries with exponential backoff, idempotent per line (see api).
"""
import logging

import requests
from celery import shared_task
from django.conf import settings
from kombu.exceptions import OperationalError

from ecommerce_plugin.fulfillment import api

log = logging.getLogger(__name__)


def task_id_for(order_number, retry=False):
    """
    The first delivery of an order's fulfillment has a fixed id, its idempotency key in logs
    and in the result table; a staff retry gets a fresh one.
    """
    if retry:
        return None
    return f"commerce-fulfill-order-{order_number}"


def broker_unreachable():
    """
    Why the fulfillment task cannot be queued right now (the broker's error, as text), or None.

    Asked before a command reopens or queues anything, so an operator reads "the broker is down"
    instead of "queued" for a task that was lost. Tasks run in-process (``task_always_eager``)
    need no broker.
    """
    app = fulfill_order.app
    if app.conf.task_always_eager:
        return None
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0.5, timeout=5)
    except OperationalError as error:
        return str(error) or type(error).__name__
    return None


def enqueue(order_number, retry=False):
    """
    Fulfil the order the host's one asynchronous way (``platform.enqueue_fulfillment``): this
    task on a stock shop, Otto's switch and ecommerce-worker on Otto.
    """
    from ecommerce_plugin import platform  # noqa: PLC0415

    return platform.enqueue_fulfillment(order_number, retry)


def backoff_seconds(retries):
    """
    Exponential backoff: base * 2**retries, capped.
    """
    base = float(settings.COMMERCE_FULFILLMENT_RETRY_BACKOFF)
    return min(base * (2**retries), float(settings.COMMERCE_FULFILLMENT_RETRY_BACKOFF_MAX))


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None, ignore_result=False)
def fulfill_order(self, order_number):
    """
    Fulfil order ``order_number``; retried while a line fails with a retryable error.

    ``acks_late`` + ``reject_on_worker_lost``: a worker killed mid-task leaves the message
    unacknowledged and the broker redelivers it; the per-line locks make that harmless.
    """
    from ecommerce_plugin import platform  # noqa: PLC0415

    if not platform.shop().queues_fulfillment:
        # Otto fulfils through its own switch and worker; a second path would fulfil twice.
        log.error("Order %s: the plugin's fulfillment task does not run on %s; nothing done.", order_number,
                  platform.shop().name)
        return {"order_number": order_number, "status": None}
    max_retries = int(settings.COMMERCE_FULFILLMENT_MAX_RETRIES)
    final_attempt = self.request.retries >= max_retries
    report = api.fulfill_order(order_number, final_attempt=final_attempt)
    if report.needs_retry:
        countdown = backoff_seconds(self.request.retries)
        log.info("Order %s: retry %s/%s in %.1fs (%s)", order_number, self.request.retries + 1, max_retries,
                 countdown, report.errors)
        raise self.retry(countdown=countdown, max_retries=max_retries)
    return {"order_number": report.order_number, "status": report.status}


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None, ignore_result=False)
def report_to_lms(self, order_number, state, line_ids=None):
    """
    Tell the LMS pending-enrollments API the fulfillment state of an order's seat lines
    (``failed`` / ``pending`` / ``cancelled``), retried like fulfillment on timeouts, network
    errors, 5xx and 429. The LMS side is idempotent, so a redelivery is harmless.
    """
    max_retries = int(settings.COMMERCE_FULFILLMENT_MAX_RETRIES)
    try:
        response = api.report_fulfillment_state(order_number, state, line_ids)
    except requests.RequestException as exc:
        if self.request.retries >= max_retries:
            log.error("Order %s: the LMS was not told the fulfillment state %r: %s", order_number, state, exc)
            return {"order_number": order_number, "state": state, "reported": False}
        raise self.retry(countdown=backoff_seconds(self.request.retries), max_retries=max_retries) from exc
    if response is None:
        return {"order_number": order_number, "state": state, "reported": False}
    if (response.status_code >= 500 or response.status_code == 429) and self.request.retries < max_retries:
        raise self.retry(countdown=backoff_seconds(self.request.retries), max_retries=max_retries)
    if response.status_code != 200:
        log.error("Order %s: the LMS refused the fulfillment state %r (%s): %s", order_number, state,
                  response.status_code, response.text[:300])
        return {"order_number": order_number, "state": state, "reported": False}
    return {"order_number": order_number, "state": state, "reported": True}
