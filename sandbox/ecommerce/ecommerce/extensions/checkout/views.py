"""
Replica of Otto ``ecommerce/extensions/checkout/views.py`` (``FreeCheckoutView``; Oscar's other
checkout views come through ``get_class``), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Left out: the enterprise redirect to the LMS. Otto redirects to the receipt on the LMS's host
(``build_lms_url``); the sandbox's receipt is its own ``checkout:receipt``.
"""
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import RedirectView
from oscar.apps.checkout.views import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import
from oscar.core.loading import get_class, get_model

from ecommerce.extensions.checkout.exceptions import BasketNotFreeError
from ecommerce.extensions.checkout.mixins import EdxOrderPlacementMixin
from ecommerce.extensions.checkout.utils import get_receipt_page_url

Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")


class FreeCheckoutView(EdxOrderPlacementMixin, RedirectView):
    """ Places the order of a free basket and redirects to the receipt; else to the basket page. """

    permanent = False

    @method_decorator(login_required)
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)

    def get_redirect_url(self, *args, **kwargs):
        request = self.request
        site = request.site
        basket = Basket.get_basket(request.user, site)
        if not basket.is_empty:
            # Need to re-apply the voucher to the basket.
            Applicator().apply(basket, request.user, request)
            if basket.total_incl_tax != Decimal(0):
                raise BasketNotFreeError(f"Basket [{basket.id}] is not free. User affected [{basket.owner.id}]")
            order = self.place_free_order(basket)
            return get_receipt_page_url(self.request, order_number=order.number,
                                        site_configuration=site.siteconfiguration, disable_back_button=True)
        return reverse("basket:summary")
