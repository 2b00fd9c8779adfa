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

    def ready(self):
        from django.db.models.signals import post_migrate  # noqa: PLC0415

        from ecommerce_plugin.catalog.api import ensure_seat_product_class  # noqa: PLC0415

        post_migrate.connect(ensure_seat_product_class, sender=self, dispatch_uid="commerce_catalog.seat_class")
