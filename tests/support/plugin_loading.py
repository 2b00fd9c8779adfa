"""
How a host hands its settings to a plugin's ``settings/production.py``, for the plugin-loading
tests of the LMS and ecommerce suites.
"""
from types import SimpleNamespace


def host_settings_copy():
    """The host's settings as ``production.plugin_settings`` receives them, as a plain object."""
    from django.conf import settings  # noqa: PLC0415

    return SimpleNamespace(**{name: getattr(settings, name) for name in dir(settings) if name.isupper()})


def changed_without_operator_tokens(production):
    """The names of the settings ``production.plugin_settings`` changes when the operator set none."""
    host = host_settings_copy()
    host.ENV_TOKENS = {}
    production.plugin_settings(host)
    return [name for name, value in vars(host_settings_copy()).items() if getattr(host, name) != value]
