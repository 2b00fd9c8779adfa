"""
Finance: who may handle a course's money (finance_admin, course staff), what the shop knows
about the course from the LMS, price changes, and the audits.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "ecommerce_plugin.finance"
    label = "commerce_finance"
    verbose_name = _("Commerce: finance")
    default_auto_field = "django.db.models.BigAutoField"
