"""
How the plugin reads its settings: always with the default of ``settings/common.py``.
"""
from django.conf import settings as django_settings

from discovery_plugin.settings.common import DEFAULTS


def setting(name):
    """
    The value of the plugin setting ``name``, or its default when the host never set it.
    """
    return getattr(django_settings, name, DEFAULTS[name])
