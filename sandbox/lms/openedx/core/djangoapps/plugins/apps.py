"""
Replica of openedx-platform ``openedx/core/djangoapps/plugins/apps.py``: connects plugin signal receivers.
"""
from django.apps import AppConfig
from edx_django_utils.plugins import connect_plugin_receivers

from openedx.core.djangoapps.plugins.constants import ProjectType


class PluginsConfig(AppConfig):
    name = "openedx.core.djangoapps.plugins"
    label = "plugins"
    verbose_name = "LMS Plugins"

    def ready(self):
        connect_plugin_receivers(ProjectType.LMS)
