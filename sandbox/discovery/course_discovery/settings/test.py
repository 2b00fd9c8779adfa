"""
Settings of the discovery test suite, shaped like course-discovery ``settings/test.py``.
"""
from edx_django_utils.plugins import add_plugins

from course_discovery.sandbox_plugins import PROJECT_TYPE, SettingsType
from course_discovery.settings.base import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Unit tests run tasks in-process; the tests that need a real worker switch this off.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

add_plugins(__name__, PROJECT_TYPE, SettingsType.TEST)
