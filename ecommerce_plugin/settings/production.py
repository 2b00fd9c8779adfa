"""
Operator overrides for the ecommerce plugin, taken where each host keeps them.

* A host with ``ENV_TOKENS`` (the LMS's way) gets each overridable setting found there applied.
* Otto has no ``ENV_TOKENS``. Its ``ecommerce/settings/production.py`` reads the YAML file named by
  ``ECOMMERCE_CFG`` (``CONFIG_FILE``) and ``vars().update``s it into the settings module (only
  ``DICT_UPDATE_KEYS``, i.e. ``JWT_AUTH``, are updated rather than replaced), before the
  operator's plugin lines run: the YAML's values are settings already, the common phase keeps
  them, and a line written after Otto's YAML load (the Tutor patch) wins over the YAML, as it does
  for Otto's own settings. Nothing is read again here.

On both, what YAML or JSON cannot say is put back in the form the plugin reads: a list where the
plugin's default is a tuple (``COMMERCE_LMS_REQUEST_TIMEOUT: [3.05, 10]``) becomes a tuple, and
a dict that names only some keys of a dict default (``COMMERCE_CODE_REDEMPTION_THROTTLE_RATES:
{user: 5/minute}``) keeps the plugin's other keys, as Otto's ``DICT_UPDATE_KEYS`` do.
"""
from ecommerce_plugin.settings.common import DEFAULTS, OVERRIDABLE, otto_celery_settings


def plugin_settings(settings):
    """
    Apply the operator's values (``ENV_TOKENS`` where the host has it) and normalise them.
    """
    env_tokens = getattr(settings, "ENV_TOKENS", None)
    if env_tokens:
        for name in OVERRIDABLE:
            if name in env_tokens:
                setattr(settings, name, env_tokens[name])
    for name in OVERRIDABLE:
        if hasattr(settings, name):
            setattr(settings, name, _as_the_plugin_reads_it(getattr(settings, name), DEFAULTS.get(name)))
    if getattr(settings, "COMMERCE_ECOMMERCE_HOST", None) == "otto":
        # The queue may have come from the tokens just applied.
        otto_celery_settings(settings)


def _as_the_plugin_reads_it(value, default):
    if isinstance(default, tuple) and isinstance(value, list):
        return tuple(value)
    if isinstance(default, dict) and isinstance(value, dict):
        return {**default, **value}
    return value
