"""
Sandbox glue, not a replica: how the discovery service loads plugin apps.

course-discovery has no plugin loader of its own (the LMS has
``openedx/core/djangoapps/plugins/``). An operator adds the
``edx_django_utils.plugins`` calls in ``settings/base.py``, ``settings/sandbox.py`` and
``settings/test.py`` with these constants and sets ``ROOT_URLCONF`` to the plugin's
``discovery_plugin.host_urls`` (the README's lines). ``PluginSignalsConfig`` connects
the receivers plugins declare in ``signals_config`` (the discovery plugin declares
none; its guards connect in its app's ``ready()``). The plugin's ``apps.py`` names
the same entry-point group.
"""
from django.apps import AppConfig
from edx_django_utils.plugins import connect_plugin_receivers

PROJECT_TYPE = "discovery.djangoapp"


class SettingsType:
    """
    The settings modules a plugin app can contribute to.
    """

    COMMON = "common"
    PRODUCTION = "production"
    TEST = "test"


class PluginSignalsConfig(AppConfig):
    """
    Connects every plugin app's signal receivers once the app registry is ready.
    """

    name = "course_discovery"
    label = "discovery_plugins"
    verbose_name = "Discovery plugins"

    def ready(self):
        connect_plugin_receivers(PROJECT_TYPE)
