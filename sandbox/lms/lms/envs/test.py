"""
Settings of the LMS test suite, shaped like ``lms/envs/test.py``.
"""
from edx_django_utils.plugins import add_plugins
from openedx.core.djangoapps.plugins.constants import ProjectType, SettingsType

from lms.envs.common import *  # pylint: disable=wildcard-import,unused-wildcard-import

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Unit tests run tasks in-process; the tests that need a real worker switch this off.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

# As upstream's lms/envs/test.py (2122497b8c39294738ffb01b4eeaf7c4e2f97bff): the suite runs with CCX installed,
# added before the plugins' test settings phase.
CUSTOM_COURSES_EDX = True
INSTALLED_APPS += ["lms.djangoapps.ccx"]  # noqa: F405
# The key Otto's enrollment fulfillment module sends (``X-Edx-Api-Key``); the Otto-faithful
# ecommerce sandbox (ecommerce.settings.otto_test) has the same value.
EDX_API_KEY = "sandbox-edx-api-key"

add_plugins(__name__, ProjectType.LMS, SettingsType.TEST)
