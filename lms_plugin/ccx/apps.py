"""
App configuration of the CCX external-id feature.
"""
from django.apps import AppConfig


class CcxConfig(AppConfig):
    """
    Installed by the LMS plugin (``FEATURE_APPS``), never by the host's settings.
    """

    name = "lms_plugin.ccx"
    label = "commerce_ccx"
    verbose_name = "Commerce: CCX external ids and jobs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # drf-spectacular learns how JwtAuthentication is described in the OpenAPI schema.
        from . import schema  # noqa: F401, PLC0415
