"""
The course+user discount engine of the LMS plugin.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscountsConfig(AppConfig):
    """
    Eligibility rules, their admin-editable configuration, the filter step and the signed-JWT endpoint.
    """

    name = "lms_plugin.discounts"
    label = "commerce_discounts"
    verbose_name = _("Commerce: course discounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms_plugin.discounts import cors, signals  # noqa: F401,PLC0415  (connect receivers)

        signals.connect_learner_receivers()
