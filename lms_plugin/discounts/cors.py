"""
CORS for the discount endpoint only: the configured ecommerce origins, with credentials.

django-cors-headers' settings are the host's and global (``CORS_ALLOWED_ORIGINS``,
``CORS_URLS_REGEX``): adding the ecommerce origin there would open every LMS API to it, and the
single ``CORS_URLS_REGEX`` cannot be owned by one plugin. Its ``check_request_enabled`` signal is
per request, so the plugin allows exactly its path and origins and leaves the host's CORS alone
(see docs/decisions/0004-discounts.rst).
"""
import re
from urllib.parse import urlsplit

from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.dispatch import receiver

DISCOUNT_PATH = re.compile(r"^/api/discounts/v2/course/")


def allowed_origins():
    """
    ``COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS``, else the origin of the platform's ``ECOMMERCE_PUBLIC_URL_ROOT``.
    """
    configured = settings.COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS
    if configured is None:
        root = getattr(settings, "ECOMMERCE_PUBLIC_URL_ROOT", None)
        configured = [root] if root else []
    origins = set()
    for origin in configured:
        parts = urlsplit(origin)
        if parts.scheme and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}".lower())
    return origins


@receiver(check_request_enabled, dispatch_uid="commerce_discounts.cors")
def allow_ecommerce_origin(sender, request, **kwargs):  # pylint: disable=unused-argument
    origin = request.headers.get("origin", "")
    return bool(DISCOUNT_PATH.match(request.path_info)) and origin.lower() in allowed_origins()
