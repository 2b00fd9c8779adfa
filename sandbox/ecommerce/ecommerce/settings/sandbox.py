"""
The sandbox ecommerce service as the demo runs it, shaped like Otto's ``settings/production.py``.
"""
import json
import os

from edx_django_utils.plugins import add_plugins

from ecommerce.plugins import PROJECT_TYPE, SettingsType
from ecommerce.settings.base import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

ENV_TOKENS = json.loads(os.environ.get("ECOMMERCE_ENV_TOKENS", "{}"))

add_plugins(__name__, PROJECT_TYPE, SettingsType.PRODUCTION)
