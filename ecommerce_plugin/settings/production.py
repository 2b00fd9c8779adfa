"""
Operator overrides for the ecommerce plugin, read from the deployment's YAML/ENV tokens.

Otto loads its YAML into the settings module's globals before this runs (no ``ENV_TOKENS``),
which the defaults in ``common.py`` already respect; a host that keeps ``ENV_TOKENS`` (as the
LMS does) gets each of them applied here.
"""
from ecommerce_plugin.settings.common import OVERRIDABLE


def plugin_settings(settings):
    """
    Let operators override every default from ``common.py``.
    """
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name in OVERRIDABLE:
        if name in env_tokens:
            setattr(settings, name, env_tokens[name])
