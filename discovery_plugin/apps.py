"""
App configuration read by ``edx_django_utils.plugins`` when the discovery service loads us.
"""
from django.apps import AppConfig

PROJECT_TYPE = "discovery.djangoapp"


class DiscoveryPluginConfig(AppConfig):
    """
    Plugin entry for the discovery service; nothing in the host's settings names this app.
    """

    name = "discovery_plugin"
    label = "commerce_discovery"
    verbose_name = "Open edX commerce (discovery service)"
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            PROJECT_TYPE: {
                "namespace": "commerce_discovery",
                "regex": r"^",
                "relative_path": "urls",
            },
        },
        "settings_config": {
            PROJECT_TYPE: {
                "common": {"relative_path": "settings.common"},
                "production": {"relative_path": "settings.production"},
                "test": {"relative_path": "settings.test"},
            },
        },
        "signals_config": {
            PROJECT_TYPE: {
                "relative_path": "signals",
                "receivers": [],
            },
        },
    }
