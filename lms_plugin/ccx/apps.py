"""
App configuration of the CCX external-id feature.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CcxConfig(AppConfig):
    """
    Installed by the LMS plugin only where the host runs CCX (``settings.common.install_ccx_feature``).
    """

    name = "lms_plugin.ccx"
    label = "commerce_ccx"
    verbose_name = _("Commerce: CCX external ids and jobs")
    default_auto_field = "django.db.models.BigAutoField"
