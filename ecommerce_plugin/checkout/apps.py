"""
Checkout: turns an Oscar basket into a paid order, with every feature's checks before the charge.
"""
from django.apps import AppConfig


class CheckoutConfig(AppConfig):
    name = "ecommerce_plugin.checkout"
    label = "commerce_checkout"
    verbose_name = "Commerce: checkout"
    default_auto_field = "django.db.models.BigAutoField"
