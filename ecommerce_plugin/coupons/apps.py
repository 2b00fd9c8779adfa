"""
Coupons: percentage codes for a course's seats, as Oscar vouchers with a voucher offer.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouponsConfig(AppConfig):
    name = "ecommerce_plugin.coupons"
    label = "commerce_coupons"
    verbose_name = _("Commerce: coupons")
    default_auto_field = "django.db.models.BigAutoField"
