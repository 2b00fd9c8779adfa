"""
App configuration of the CCX external-id feature.
"""
from django.apps import AppConfig


class CcxConfig(AppConfig):
    """
    Installed by the LMS plugin only where the host runs CCX (``settings.common.install_ccx_feature``).
    """

    name = "lms_plugin.ccx"
    label = "commerce_ccx"
    verbose_name = "Commerce: CCX external ids and jobs"
    default_auto_field = "django.db.models.BigAutoField"
