"""
Replica of Otto ``ecommerce/extensions/basket/views.py`` (``BasketAddItemsView``, and the basket
page's voucher form: ``VoucherAddLogicMixin`` and ``VoucherAddView``, ``basket:vouchers-add``;
Oscar's other basket views are found through ``get_class`` as Otto's
``from oscar.apps.basket.views import *`` makes them), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Left out: segment events, ``code`` on ``/basket/add/``, enterprise consent and UTM parameters; in
the voucher path, the email-confirmation redirect (``get_redirect_to_email_confirmation_if_required``:
the sandbox's sites require no account activation and the plugin's offers have no
``email_domains``) and the enterprise redirect (no voucher here belongs to an enterprise).
``VoucherAddApiView`` (the payment MFE's) shares ``VoucherAddLogicMixin``; it is tested in a real
Otto (tests/otto_host/test_coupons_in_otto.py).
"""
import logging

from django.contrib import messages
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils.html import escape
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.permissions import LoginRedirectIfUnauthenticated
from oscar.apps.basket.views import VoucherAddView as BaseVoucherAddView
from oscar.core.loading import get_model
from oscar.core.utils import redirect_to_referrer
from rest_framework.views import APIView

from ecommerce.extensions.basket.utils import (
    apply_voucher_on_basket_and_check_discount,
    get_payment_microfrontend_or_basket_url,
    prepare_basket,
    validate_voucher,
)
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


class VoucherException(Exception):
    """Otto ``ecommerce/extensions/basket/exceptions.py``."""


class VoucherAddLogicMixin:
    """
    VoucherAdd logic for adding a voucher.
    """

    def verify_and_apply_voucher(self, code):
        self._verify_basket_not_empty(code)
        self._verify_voucher_not_already_applied(code)

        self._get_stock_record()
        voucher = self._get_voucher(code)

        self.request.basket.clear_vouchers()
        self._validate_voucher(voucher)
        self._apply_voucher(voucher)

    def _verify_basket_not_empty(self, code):
        username = self.request.user and self.request.user.username
        if self.request.basket.is_empty:
            logger.warning(
                "[Code Redemption Failure] User attempted to apply a code to an empty basket. "
                "User: %s, Basket: %s, Code: %s",
                username, self.request.basket.id, code
            )
            raise VoucherException()

    def _verify_voucher_not_already_applied(self, code):
        username = self.request.user and self.request.user.username
        if self.request.basket.contains_voucher(code):
            logger.warning(
                "[Code Redemption Failure] User tried to apply a code that is already applied. "
                "User: %s, Basket: %s, Code: %s",
                username, self.request.basket.id, code
            )
            messages.error(
                self.request,
                _("You have already added coupon code '{code}' to your basket.").format(code=code),
            )
            raise VoucherException()

    def _validate_voucher(self, voucher):
        username = self.request.user and self.request.user.username
        is_valid, message = validate_voucher(voucher, self.request.user, self.request.basket, self.request.site)
        if not is_valid:
            logger.warning("[Code Redemption Failure] The voucher is not valid for this basket. "
                           "User: %s, Basket: %s, Code: %s, Message: %s",
                           username, self.request.basket.id, voucher.code, message)
            messages.error(self.request, message)
            self.request.basket.vouchers.remove(voucher)
            raise VoucherException()

    def _apply_voucher(self, voucher):
        username = self.request.user and self.request.user.username
        valid, message = apply_voucher_on_basket_and_check_discount(voucher, self.request, self.request.basket)
        if not valid:
            logger.warning("[Code Redemption Failure] The voucher could not be applied to this basket. "
                           "User: %s, Basket: %s, Code: %s, Message: %s",
                           username, self.request.basket.id, voucher.code, message)
            messages.warning(self.request, message)
            self.request.basket.vouchers.remove(voucher)
        else:
            messages.info(self.request, message)

    def _get_stock_record(self):
        basket_lines = self.request.basket.all_lines()
        return basket_lines[0].stockrecord

    def _get_voucher(self, code):
        try:
            return self.voucher_model._default_manager.get(code=code)  # pylint: disable=protected-access
        except self.voucher_model.DoesNotExist as voucher_no_exist:
            messages.error(self.request, _("Coupon code '{code}' does not exist.").format(code=code))
            raise VoucherException() from voucher_no_exist


class VoucherAddView(VoucherAddLogicMixin, BaseVoucherAddView):
    """
    Deprecated: Adds a voucher to the basket.
    """

    def form_valid(self, form):
        code = form.cleaned_data["code"]

        try:  # noqa: SIM105  (Otto's code as written)
            self.verify_and_apply_voucher(code)
        except VoucherException:
            # errors are passed via messages object
            pass

        return redirect_to_referrer(self.request, "basket:summary")
