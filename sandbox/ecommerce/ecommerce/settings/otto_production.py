"""
Replica of how Otto's ``ecommerce/settings/production.py`` loads an operator's configuration
(openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348):
the YAML file named by ``ECOMMERCE_CFG`` is read into this module with ``vars().update``, except
``DICT_UPDATE_KEYS`` (``JWT_AUTH``), whose dicts are updated. ``otto_test`` stands for Otto's
``base.py``. There are no ``ENV_TOKENS``: an operator's settings module imports this one and
then adds the plugin's lines (the README's, or the Tutor ``ecommerce-settings-common`` patch).
"""
import codecs
from os import environ

import yaml
from django.core.exceptions import ImproperlyConfigured

from ecommerce.settings.otto_test import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import
from ecommerce_plugin.settings.common import FEATURE_APPS, OVERRIDABLE

# Otto's base has none of the plugin: take back what the sandbox's base loaded of it, so that the
# operator's lines below load it in Otto's order (after the YAML).
INSTALLED_APPS = [  # noqa: F405
    app for app in INSTALLED_APPS  # noqa: F405
    if not app.startswith("ecommerce_plugin.apps.") and app not in FEATURE_APPS
]
for _name in OVERRIDABLE:
    vars().pop(_name, None)


def get_env_setting(setting):
    """ Get the environment setting or return exception """
    try:
        return environ[setting]
    except KeyError as exc:
        error_msg = "Set the %s env variable" % setting
        raise ImproperlyConfigured(error_msg) from exc


# Keep track of the names of settings that represent dicts. Instead of overriding the values in base.py,
# the values read from disk should UPDATE the pre-configured dicts.
DICT_UPDATE_KEYS = ("JWT_AUTH",)

CONFIG_FILE = get_env_setting("ECOMMERCE_CFG")
with codecs.open(CONFIG_FILE, encoding="utf-8") as f:
    config_from_yaml = yaml.safe_load(f)

    # Remove the items that should be used to update dicts, and apply them separately rather
    # than pumping them into the local vars.
    dict_updates = {key: config_from_yaml.pop(key, None) for key in DICT_UPDATE_KEYS}

    for key, value in dict_updates.items():
        if value:
            vars()[key].update(value)

    vars().update(config_from_yaml)
