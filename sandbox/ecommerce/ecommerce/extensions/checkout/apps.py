"""
Replica of Otto ``ecommerce/extensions/checkout/apps.py``: Oscar's checkout app forked under Otto's
path, with Otto's ``free-checkout`` and ``receipt`` URLs before Oscar's, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
(Otto's ``cancel-checkout`` and ``error`` pages are left out.)
"""
from django.urls import path, re_path
from oscar.apps.checkout import apps
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "ecommerce.extensions.checkout"
    verbose_name = "Checkout"

    # pylint: disable=attribute-defined-outside-init
    def ready(self):
        super().ready()
        self.free_checkout = get_class("checkout.views", "FreeCheckoutView")
        self.receipt_response = get_class("checkout.views", "ThankYouView")

    def get_urls(self):
        return [
            *self.post_process_urls([
                path("free-checkout/", self.free_checkout.as_view(), name="free-checkout"),
                re_path(r"^receipt/", self.receipt_response.as_view(), name="receipt"),
            ]),
            *super().get_urls(),
        ]
