"""
Invoices: out-of-band sales of N seats, paid by bank transfer rather than card.
"""
from django.apps import AppConfig


class InvoicesConfig(AppConfig):
    name = "ecommerce_plugin.invoices"
    label = "commerce_invoices"
    verbose_name = "Commerce: invoices"
    default_auto_field = "django.db.models.BigAutoField"
