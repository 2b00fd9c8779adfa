"""
CCX purchases: a teacher buys a custom course (modules x seats) of a master course and later
upgrades it, paying only the difference; the LMS CCX follows over HTTP.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CcxPurchasesConfig(AppConfig):
    name = "ecommerce_plugin.ccx_purchases"
    label = "commerce_ccx_purchases"
    verbose_name = _("Commerce: CCX purchases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The receiver belongs to this feature, so the feature connects it (no edit of the
        # plugin-wide signals_config that other features share).
        from django.db.models.signals import post_migrate  # noqa: PLC0415

        from ecommerce_plugin.ccx_purchases import handlers  # noqa: PLC0415
        from ecommerce_plugin.ccx_purchases.api import ensure_ccx_course_product_class  # noqa: PLC0415

        handlers.connect()
        post_migrate.connect(
            ensure_ccx_course_product_class, sender=self, dispatch_uid="commerce_ccx_purchases.product_class"
        )
