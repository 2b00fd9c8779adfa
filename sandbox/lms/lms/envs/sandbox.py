"""
The sandbox LMS as the demo runs it, shaped like ``lms/envs/production.py``: operator tokens, then plugins.
"""
import json
import os

from edx_django_utils.plugins import add_plugins
from openedx.core.djangoapps.plugins.constants import ProjectType, SettingsType

from lms.envs.common import *  # pylint: disable=wildcard-import,unused-wildcard-import

# Production reads its YAML config into ENV_TOKENS; the sandbox takes it from a JSON env var.
ENV_TOKENS = json.loads(os.environ.get("LMS_ENV_TOKENS", "{}"))

# The demo's operator turns CCX on (its teacher's portal sells CCXs); ``{"CUSTOM_COURSES_EDX": false}``
# in LMS_ENV_TOKENS runs the LMS without it. As upstream (lms/envs/production.py at
# 0217ff8782640a24be97915878f76cde4cce0eef), the app is installed after the operator's values are
# read and before the plugins' production settings, so only that phase knows whether CCX is on.
CUSTOM_COURSES_EDX = ENV_TOKENS.get("CUSTOM_COURSES_EDX", True)
if CUSTOM_COURSES_EDX:
    INSTALLED_APPS += ["lms.djangoapps.ccx"]  # noqa: F405

add_plugins(__name__, ProjectType.LMS, SettingsType.PRODUCTION)
