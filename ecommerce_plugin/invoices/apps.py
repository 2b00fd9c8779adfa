"""
Invoices: out-of-band sales of N seats, paid by bank transfer rather than card.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvoicesConfig(AppConfig):
    name = "ecommerce_plugin.invoices"
    label = "commerce_invoices"
    verbose_name = _("Commerce: invoices")
    default_auto_field = "django.db.models.BigAutoField"
