"""
Coupons: percentage codes for a course's seats, as Oscar vouchers with a voucher offer.
"""
from django.apps import AppConfig


class CouponsConfig(AppConfig):
    name = "ecommerce_plugin.coupons"
    label = "commerce_coupons"
    verbose_name = "Commerce: coupons"
    default_auto_field = "django.db.models.BigAutoField"
