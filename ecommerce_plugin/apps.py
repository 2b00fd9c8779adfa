"""
App configuration read by ``edx_django_utils.plugins`` when the ecommerce service loads us.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

PROJECT_TYPE = "ecommerce.djangoapp"


class EcommercePluginConfig(AppConfig):
    """
    Plugin entry for the ecommerce service; nothing in the host's settings names this app.
    """

    name = "ecommerce_plugin"
    label = "commerce_ecommerce"
    verbose_name = _("Open edX commerce (ecommerce service)")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            PROJECT_TYPE: {
                "namespace": "commerce_ecommerce",
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

    def ready(self):
        from django.conf import settings  # noqa: PLC0415
        from django.db.models.signals import post_migrate  # noqa: PLC0415

        from ecommerce_plugin.messaging import ensure_event_types  # noqa: PLC0415
        from ecommerce_plugin.settings.checks import check_settings  # noqa: PLC0415

        check_settings(settings)
        post_migrate.connect(ensure_event_types, sender=self, dispatch_uid="commerce_ecommerce.event_types")
