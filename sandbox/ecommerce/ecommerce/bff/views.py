"""
Replicas of the BFF views of Otto ``ecommerce/extensions/basket/views.py`` the payment MFE calls:
``PaymentApiView`` (the basket and its totals, subset of its fields) and ``CaptureContextApiView``
(the Stripe payment intent for the basket's total), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348. Both read
``request.basket``, which Otto's ``BasketMiddleware`` priced with this request.
"""
from decimal import Decimal

from oscar.core.loading import get_class
from oscar.core.prices import Price
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ecommerce.extensions.payment.processors.stripe import Stripe

OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")


class PaymentApiView(APIView):
    permission_classes = (IsAuthenticated,)

    def get(self, request):
        basket = request.basket
        order_total = OrderTotalCalculator().calculate(basket, Price("USD", excl_tax=Decimal(0), tax=Decimal(0)))
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
