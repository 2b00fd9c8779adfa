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

add_plugins(__name__, ProjectType.LMS, SettingsType.PRODUCTION)
