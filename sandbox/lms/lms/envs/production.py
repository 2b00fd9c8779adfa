"""
Replica of openedx-platform ``lms/envs/production.py`` (the parts a plugin can observe), checked
against upstream commit 0217ff8782640a24be97915878f76cde4cce0eef.

Order, as upstream: ``common`` (which ran the plugins' common settings) is imported; the YAML file
named by ``LMS_CFG`` is read and every key except the special ones is copied into this module's
globals (``vars().update``), replacing what ``common`` and the plugins' common settings set;
``FEATURES`` is updated key by key, ``JWT_AUTH`` and ``REST_FRAMEWORK`` are merged, extra apps
and middleware are appended, CCX is installed when ``CUSTOM_COURSES_EDX`` is on; then
``ENV_TOKENS``/``AUTH_TOKENS`` alias the YAML and the plugins' production settings run. Not
replicated: storage, logging, celery routing, search and third-party-auth post-processing.
"""
import codecs
import os

import yaml
from django.core.exceptions import ImproperlyConfigured
from edx_django_utils.plugins import add_plugins
from openedx.core.djangoapps.plugins.constants import ProjectType, SettingsType

from lms.envs.common import *  # noqa: F403  # pylint: disable=wildcard-import,unused-wildcard-import


def get_env_setting(setting):
    """Get the environment setting or return exception"""
    try:
        return os.environ[setting]
    except KeyError as exc:
        raise ImproperlyConfigured(f"Set the {setting} env variable") from exc


CONFIG_FILE = get_env_setting("LMS_CFG")

with codecs.open(CONFIG_FILE, encoding="utf-8") as f:
    _YAML_TOKENS = yaml.safe_load(f) or {}
    vars().update({
        key: value
        for key, value in _YAML_TOKENS.items()
        if key not in [
            "FEATURES",
            "TRACKING_BACKENDS",
            "EVENT_TRACKING_BACKENDS",
            "JWT_AUTH",
            "CELERY_QUEUES",
            "REST_FRAMEWORK",
            "EVENT_BUS_PRODUCER_CONFIG",
            "DEFAULT_FILE_STORAGE",
            "STATICFILES_STORAGE",
        ]
    })

FEATURES = dict(globals().get("FEATURES", {}))
for feature, value in _YAML_TOKENS.get("FEATURES", {}).items():
    FEATURES[feature] = value

for app in _YAML_TOKENS.get("ADDL_INSTALLED_APPS", []):
    INSTALLED_APPS.append(app)  # noqa: F405

##### Custom Courses for EdX #####
if globals().get("CUSTOM_COURSES_EDX") and "lms.djangoapps.ccx" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS += ["lms.djangoapps.ccx"]  # noqa: F405

JWT_AUTH.update(_YAML_TOKENS.get("JWT_AUTH", {}))  # noqa: F405

MIDDLEWARE.extend(_YAML_TOKENS.get("EXTRA_MIDDLEWARE_CLASSES", []))  # noqa: F405

# For backwards compatibility with plugins that read them (as this plugin's production settings do).
ENV_TOKENS = _YAML_TOKENS
AUTH_TOKENS = _YAML_TOKENS
ENV_FEATURES = _YAML_TOKENS.get("FEATURES", {})

add_plugins(__name__, ProjectType.LMS, SettingsType.PRODUCTION)

REST_FRAMEWORK.update(_YAML_TOKENS.get("REST_FRAMEWORK", {}))  # noqa: F405
