"""
Checkout: turns an Oscar basket into a paid order, with every feature's checks before the charge.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckoutConfig(AppConfig):
    name = "ecommerce_plugin.checkout"
    label = "commerce_checkout"
    verbose_name = _("Commerce: checkout")
    default_auto_field = "django.db.models.BigAutoField"
