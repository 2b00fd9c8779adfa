import requests
from celery import shared_task

from ecommerce_plugin import platform
from ecommerce_plugin.catalog import publishing


@shared_task(
    acks_late=True,
    autoretry_for=(requests.RequestException, publishing.PublicationRefused, platform.SeatNotPublished),
    retry_backoff=5,
    max_retries=5,
)
def publish_course_modes(course_key):
    """
    After a price change: the LMS's modes of ``course_key`` carry the shop's prices.
    """
    publishing.publish_course_modes(course_key)
    return course_key
