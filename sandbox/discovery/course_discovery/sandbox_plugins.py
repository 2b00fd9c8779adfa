"""
Sandbox glue, not a replica: how the discovery service loads plugin apps.

course-discovery has no plugin loader of its own (the LMS has
``openedx/core/djangoapps/plugins/``). An operator adds the
``edx_django_utils.plugins`` calls in ``settings/base.py``, ``settings/sandbox.py``,
``settings/test.py`` and ``urls.py`` with these constants, and installs
``PluginSignalsConfig`` to connect the plugins' signal receivers; that is the
whole integration. The plugin's ``apps.py`` names the same entry-point group.
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
