"""
The task that pushes a paid purchase to the LMS CCX API, retried with exponential backoff.

Retried on what may pass (timeouts, connection errors, 5xx, 429), never on a 4xx (the request
itself is wrong: retrying cannot help; the purchase is marked failed for staff). ``acks_late``: a
worker that dies mid-task leaves the message to be redelivered; the push is idempotent by the
purchase's external id. A message lost altogether is the groomer's to repair.
"""
import logging
import random

from celery import shared_task
from django.conf import settings

from ecommerce_plugin.ccx_purchases import sync
from ecommerce_plugin.ccx_purchases.lms import LmsRejected, LmsUnavailable

log = logging.getLogger(__name__)
BACKOFF_BASE_SECONDS = 5


def retry_countdown(retries):
    """
    Seconds before retry number ``retries + 1``: 5, 10, 20, ... capped, with full jitter on the top half.
    """
    ceiling = min(settings.COMMERCE_CCX_SYNC_RETRY_BACKOFF_MAX, BACKOFF_BASE_SECONDS * 2**retries)
    return ceiling / 2 + random.uniform(0, ceiling / 2)  # noqa: S311  (jitter, not a secret)


@shared_task(bind=True, acks_late=True, max_retries=None, name="commerce.ccx_purchases.sync_ccx_purchase")
def sync_ccx_purchase(self, purchase_id):
    """
    Bring the LMS CCX of purchase ``purchase_id`` up to the purchase; returns the sync outcome.
    """
    max_retries = settings.COMMERCE_CCX_SYNC_MAX_RETRIES
    try:
        outcome = sync.sync_purchase(purchase_id)
    except LmsRejected:
        return "failed"
    except LmsUnavailable as exc:
        if self.request.retries >= max_retries:
            log.error("CCX sync of purchase %s gave up after %s retries: %s", purchase_id, max_retries, exc.error_code)
            sync.mark_failed(purchase_id, exc.error_code)
            return "failed"
        log.warning("CCX sync of purchase %s: %s; retrying.", purchase_id, exc.error_code)
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc
    if outcome == sync.BUSY and self.request.retries < max_retries:
        # Someone else holds the purchase; come back once their lease would have expired, in case
        # they die before finishing (when they finish, the retry finds nothing to do).
        raise self.retry(countdown=settings.COMMERCE_CCX_SYNC_LEASE_SECONDS)
    return outcome
