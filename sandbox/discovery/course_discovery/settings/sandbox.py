"""
The sandbox discovery service as the demo runs it, shaped like course-discovery ``settings/production.py``.
"""
import json
import os

from edx_django_utils.plugins import add_plugins

from course_discovery.sandbox_plugins import PROJECT_TYPE, SettingsType
from course_discovery.settings.base import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

# Production reads its YAML config into ENV_TOKENS; the sandbox takes it from a JSON env var.
ENV_TOKENS = json.loads(os.environ.get("DISCOVERY_ENV_TOKENS", "{}"))

add_plugins(__name__, PROJECT_TYPE, SettingsType.PRODUCTION)
