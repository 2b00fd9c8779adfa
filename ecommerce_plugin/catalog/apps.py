"""
Course products in the Oscar catalogue: the seat product class every commerce feature sells.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "ecommerce_plugin.catalog"
    label = "commerce_catalog"
    verbose_name = _("Commerce: course products")
    default_auto_field = "django.db.models.BigAutoField"
