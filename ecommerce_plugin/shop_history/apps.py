"""
Change history of the shop's prices and coupon offers on a stock Oscar shop (Otto keeps its own).
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopHistoryConfig(AppConfig):
    name = "ecommerce_plugin.shop_history"
    label = "commerce_shop_history"
    verbose_name = _("Commerce: price and offer history")
    default_auto_field = "django.db.models.BigAutoField"
