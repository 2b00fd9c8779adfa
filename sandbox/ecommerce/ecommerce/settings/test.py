"""
Settings of the ecommerce test suite.
"""
import os

from edx_django_utils.plugins import add_plugins

from ecommerce.plugins import PROJECT_TYPE, SettingsType
from ecommerce.settings.base import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Unit tests run tasks in-process. A server the tests start (tests/support/processes.py) with
# SANDBOX_CELERY_ALWAYS_EAGER=0 sends them to the broker, as the deployed service does.
CELERY_TASK_ALWAYS_EAGER = os.environ.get("SANDBOX_CELERY_ALWAYS_EAGER", "1") == "1"
CELERY_TASK_EAGER_PROPAGATES = True
# Fulfillment retries in seconds, so retry tests are quick.
COMMERCE_FULFILLMENT_RETRY_BACKOFF = 0.2
COMMERCE_FULFILLMENT_RETRY_BACKOFF_MAX = 2
COMMERCE_FULFILLMENT_MAX_RETRIES = 5

add_plugins(__name__, PROJECT_TYPE, SettingsType.TEST)
