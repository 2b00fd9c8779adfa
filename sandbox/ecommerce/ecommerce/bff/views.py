"""
Replicas of the BFF views of Otto ``ecommerce/extensions/basket/views.py`` the payment MFE calls:
``PaymentApiView`` (the basket and its totals, subset of its fields) and ``CaptureContextApiView``
(the Stripe payment intent for the basket's total), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348. Both read
``request.basket``, which Otto's ``BasketMiddleware`` priced with this request.

``PaymentApiView`` computes its totals as Otto's ``BasketLogicMixin.process_totals`` does,
including its dynamic-discount part: when the only offer applied is the dynamic discount, Otto
decodes the request's ``discount_jwt`` itself (``get_percentage_from_request`` of
``ecommerce/extensions/offer/dynamic_conditional_offer.py``, same commit) with edx-drf-extensions'
``configured_jwt_decode_handler``, and a token that decoder refuses answers 500.
"""
from decimal import Decimal

import crum
import waffle
from edx_rest_framework_extensions.auth.jwt.decoder import configured_jwt_decode_handler
from oscar.core.loading import get_class
from oscar.core.prices import Price
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ecommerce.extensions.payment.processors.stripe import Stripe

OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
DYNAMIC_DISCOUNT_FLAG = "offer.dynamic_discount"  # Otto's offer/constants.py


def get_decoded_jwt_discount_from_request():
    """Otto's ``dynamic_conditional_offer.get_decoded_jwt_discount_from_request``."""
    request = crum.get_current_request()
    discount_jwt = request.GET.get("discount_jwt") if request.method == "GET" else request.POST.get("discount_jwt")
    if not discount_jwt:
        return None
    return configured_jwt_decode_handler(discount_jwt)


def get_percentage_from_request():
    decoded_jwt_discount = get_decoded_jwt_discount_from_request()
    return decoded_jwt_discount.get("discount_percent") if decoded_jwt_discount else None


def process_totals(request, basket):
    """The dynamic-discount part of Otto's ``BasketLogicMixin.process_totals``: ``(discount_jwt, discount_percent)``."""
    discount_jwt = discount_percent = None
    if waffle.flag_is_active(request, DYNAMIC_DISCOUNT_FLAG):
        applied_offers = basket.applied_offers().values()
        if len(applied_offers) == 1 and list(applied_offers)[0].condition.name == "dynamic_discount_condition":
            discount_jwt = request.GET.get("discount_jwt")
            discount_percent = get_percentage_from_request()
    return discount_jwt, discount_percent


class PaymentApiView(APIView):
    permission_classes = (IsAuthenticated,)

    def get(self, request):
        basket = request.basket
        order_total = OrderTotalCalculator().calculate(basket, Price("USD", excl_tax=Decimal(0), tax=Decimal(0)))
        process_totals(request, basket)  # Otto computes these for every payment API answer, and serializes neither
        return Response({
            "basket_id": basket.id,
            "is_free_basket": order_total.incl_tax == 0,
            "currency": basket.currency,
            "products": [
                {"course_key": getattr(line.product.attr, "course_key", None), "sku": line.stockrecord.partner_sku,
                 "title": line.product.title, "product_type": line.product.get_product_class().name}
                for line in basket.all_lines()
            ],
            "summary_price": basket.total_incl_tax_excl_discounts,
            "summary_discounts": basket.total_discount,
            "order_total": order_total.incl_tax,
            "offers": [{"name": offer.name} for offer in basket.applied_offers().values()],
        })


class CaptureContextApiView(APIView):
    permission_classes = (IsAuthenticated,)

    def get(self, request):
        return Response({"capture_context": Stripe(request.site).get_capture_context(request)})
