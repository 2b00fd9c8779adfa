"""
Settings of the ecommerce test suite.
"""
from edx_django_utils.plugins import add_plugins

from ecommerce.plugins import PROJECT_TYPE, SettingsType
from ecommerce.settings.base import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

add_plugins(__name__, PROJECT_TYPE, SettingsType.TEST)
