"""
Replica of Otto ``ecommerce/extensions/basket/views.py`` (``BasketAddItemsView`` only; Oscar's other
basket views are found through ``get_class`` as Otto's ``from oscar.apps.basket.views import *``
makes them), checked against openedx-unsupported/ecommerce ``open-release/sumac.master``
126b670782e095b0abddd22fae0e94f8caf88348.

Left out: segment events, vouchers (``code``), enterprise consent and UTM parameters.
"""
import logging

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils.html import escape
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.permissions import LoginRedirectIfUnauthenticated
from oscar.core.loading import get_model
from rest_framework.views import APIView

from ecommerce.extensions.basket.utils import get_payment_microfrontend_or_basket_url, prepare_basket
from ecommerce.extensions.order.exceptions import AlreadyPlacedOrderException

Product = get_model("catalogue", "Product")
logger = logging.getLogger(__name__)


class BadRequestException(Exception):
    pass


class BasketAddItemsView(APIView):
    """
    View that adds multiple products to a user's basket.
    """

    permission_classes = (LoginRedirectIfUnauthenticated,)

    def get(self, request):
        try:
            skus = self._get_skus(request)
            products = self._get_products(request, skus)
            logger.info("Starting payment flow for user [%s] for products [%s].", request.user.username, skus)
            available_products = self._get_available_products(request, products)
            try:
                prepare_basket(request, available_products)
            except AlreadyPlacedOrderException:
                return render(request, "edx/error.html", {"error": _("You have already purchased these products")})
            return HttpResponseRedirect(get_payment_microfrontend_or_basket_url(request), status=303)
        except BadRequestException as e:
            return HttpResponseBadRequest(str(e))

    def _get_skus(self, request):
        skus = [escape(sku) for sku in request.GET.getlist("sku")]
        if not skus:
            raise BadRequestException(_("No SKUs provided."))
        return skus

    def _get_products(self, request, skus):
        partner = request.site.siteconfiguration.partner
        products = Product.objects.filter(stockrecords__partner=partner, stockrecords__partner_sku__in=skus)
        if not products:
            raise BadRequestException(_("Products with SKU(s) [{skus}] do not exist.").format(skus=", ".join(skus)))
        return products

    def _get_available_products(self, request, products):
        unavailable_product_ids = []
        for product in products:
            purchase_info = request.strategy.fetch_for_product(product)
            if not purchase_info.availability.is_available_to_buy:
                logger.warning("Product [%s] is not available to buy.", product.title)
                unavailable_product_ids.append(product.id)
        available_products = products.exclude(id__in=unavailable_product_ids)
        if not available_products:
            raise BadRequestException(_("No product is available to buy."))
        return available_products
