"""
Otto forks Oscar's payment app under the label ``payment``; the sandbox keeps Oscar's and adds its own label.
"""
from django.apps import AppConfig


class PaymentConfig(AppConfig):
    name = "ecommerce.extensions.payment"
    label = "ecommerce_payment"
    verbose_name = "Payment processors"
    default_auto_field = "django.db.models.AutoField"
