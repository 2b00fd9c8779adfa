"""
The LMS's course+user discount applied to Oscar baskets and re-verified at payment.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcommerceDiscountsConfig(AppConfig):
    """
    Dynamic-discount offer (proxy Condition/Benefit), token verification, the checkout step, redemptions.
    """

    name = "ecommerce_plugin.discounts"
    label = "commerce_ecommerce_discounts"
    verbose_name = _("Commerce: LMS discounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate  # noqa: PLC0415

        from ecommerce_plugin.discounts import handlers  # noqa: F401,PLC0415  (connect receivers)
        from ecommerce_plugin.discounts.offer import ensure_dynamic_discount_offer  # noqa: PLC0415

        post_migrate.connect(ensure_dynamic_discount_offer, sender=self, dispatch_uid="commerce_discounts.offer")
