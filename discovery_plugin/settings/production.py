"""
Production settings of the discovery plugin.

course-discovery copies its YAML config into the settings module's globals before
the operator's ``add_plugins(..., "production")`` line runs, so an operator sets any
``COMMERCE_DISCOVERY_*`` name in that YAML and it wins over the defaults of
``common.py``; a deployment that still passes ``ENV_TOKENS`` (a Tutor-style dict) is
read too.
"""
from discovery_plugin.settings.common import DEFAULTS


def plugin_settings(settings):
    """
    Let ``ENV_TOKENS`` override a default, where the host provides it.
    """
    env_tokens = getattr(settings, "ENV_TOKENS", None) or {}
    for name in DEFAULTS:
        if name in env_tokens:
            setattr(settings, name, env_tokens[name])
