"""
Start-up checks of the ecommerce plugin's settings: a deployment that lacks a required setting,
or sets one the plugin cannot work with, fails to start with ``ImproperlyConfigured`` naming it,
instead of failing later in a learner's request or a worker.
"""
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from ecommerce_plugin.settings.common import REQUIRED


def check_settings(settings):
    # On Otto the LMS's address is each site's ``SiteConfiguration.lms_url_root``, not a setting.
    otto = getattr(settings, "COMMERCE_ECOMMERCE_HOST", None) == "otto"
    for name in (name for name in REQUIRED if not (otto and name == "COMMERCE_LMS_URL_ROOT")):
        value = getattr(settings, name, None)
        if not value:
            raise ImproperlyConfigured(f"{name} must be set (see ecommerce_plugin/settings/common.py).")
        parts = urlsplit(str(value))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(f"{name} must be an absolute http(s) URL (it is {value!r}).")
