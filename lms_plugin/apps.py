"""
App configuration read by ``edx_django_utils.plugins`` when the LMS loads us.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

PROJECT_TYPE = "lms.djangoapp"


class LmsPluginConfig(AppConfig):
    """
    Plugin entry for the LMS; nothing in the host's settings names this app.
    """

    name = "lms_plugin"
    label = "commerce_lms"
    verbose_name = _("Open edX commerce (LMS)")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            PROJECT_TYPE: {
                "namespace": "commerce_lms",
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
        # drf-spectacular learns how JwtAuthentication is described in the OpenAPI schema.
        from . import schema  # noqa: F401, PLC0415
