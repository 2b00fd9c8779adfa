"""
Celery tasks of registration codes: enroll a redeemer through the LMS, email a buyer's codes.
"""
import logging

import requests
from celery import shared_task
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.registration_codes import api

log = logging.getLogger(__name__)
Order = get_model("order", "Order")

ENROLLMENT_PATH = "/api/enrollment/v1/enrollment"


class LmsUnavailable(Exception):
    """The LMS could not answer now; the task retries."""


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(LmsUnavailable,),
    retry_backoff=5,
    retry_backoff_max=600,
    max_retries=8,
)
def enroll_redeemer(self, redemption_id):  # pylint: disable=unused-argument
    """
    Enroll the learner of a pending redemption; idempotent (the LMS answers an existing
    enrollment unchanged, a finished redemption is skipped).

    A 4xx from the LMS is its refusal (enrollment closed, course full, mode gone): the code is
    released. Anything else is retried with backoff.
    """
    body = api.enrollment_request(redemption_id)
    if body is None:
        return "done"
    try:
        response = platform.lms_api_client().post(platform.lms_url(ENROLLMENT_PATH), json=body)
    except requests.RequestException as exc:
        raise LmsUnavailable(str(exc)) from exc
    if response.status_code == 200:
        api.record_enrolled(redemption_id)
        return "enrolled"
    if 400 <= response.status_code < 500 and response.status_code not in (401, 429):
        reason = f"LMS answered {response.status_code}: {response.text[:300]}"
        log.warning("Redemption %s refused by the LMS: %s", redemption_id, reason)
        api.record_refused(redemption_id, reason)
        return "refused"
    raise LmsUnavailable(f"LMS answered {response.status_code}")


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=5, max_retries=5)
def email_order_codes(order_id):
    order = Order.objects.select_related("user").filter(id=order_id).first()
    return api.email_codes(order) if order else 0
