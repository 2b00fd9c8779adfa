"""
Replica of edx-ecommerce-worker 3.3.4 ``ecommerce_worker/fulfillment/v1/tasks.py``: PUT Otto's
``orders/<number>/fulfill/``, retried with 2**n backoff on any HTTP error but 406 (not fulfillable:
already complete) and on timeouts, up to ``MAX_FULFILLMENT_RETRIES``.
"""
from ssl import SSLError
from urllib.parse import urljoin

import requests
from celery import shared_task
from celery.exceptions import Ignore
from celery.utils.log import get_task_logger
from requests.exceptions import HTTPError, Timeout

from ecommerce_worker.utils import get_access_token, get_configuration

logger = get_task_logger(__name__)


def _retry_order(self, exception, max_fulfillment_retries, order_number):
    retries = self.request.retries
    if retries == max_fulfillment_retries:
        logger.exception("Fulfillment of order [%s] failed. Giving up.", order_number)
    else:
        logger.warning("Fulfillment of order [%s] failed. Retrying.", order_number)

    countdown = 2 ** retries
    raise self.retry(exc=exception, countdown=countdown, max_retries=max_fulfillment_retries)


@shared_task(bind=True, ignore_result=True)
def fulfill_order(self, order_number, site_code=None, email_opt_in=False):
    api_url = urljoin(get_configuration("ECOMMERCE_API_ROOT", site_code=site_code) + "/", f"orders/{order_number}/fulfill/")
    max_fulfillment_retries = get_configuration("MAX_FULFILLMENT_RETRIES", site_code=site_code)
    try:
        logger.info("Requesting fulfillment of order [%s].", order_number)
        headers = {"Authorization": f"JWT {get_access_token()}"}
        params = {"email_opt_in": email_opt_in}
        response = requests.put(api_url, params=params, headers=headers, timeout=10)
        response.raise_for_status()

    except HTTPError as exc:
        status_code = exc.response.status_code
        if status_code == 406:
            logger.info("Order [%s] has already been fulfilled. Ignoring.", order_number)
            raise Ignore() from exc

        logger.warning("Fulfillment of order [%s] failed because of HTTPError. Retrying", order_number, exc_info=True)
        _retry_order(self, exc, max_fulfillment_retries, order_number)
    except (Timeout, SSLError) as exc:
        _retry_order(self, exc, max_fulfillment_retries, order_number)
