"""
Replica of Otto ``ecommerce/extensions/payment/views/stripe.py`` (``StripeCheckoutView``: the MFE's
Stripe payment, posted after the BFF's capture context), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Kept as Otto has it: the basket is found by its ``payment_intent_id`` attribute and priced with a
default strategy and Otto's ``Applicator`` with this request (which carries no ``discount_jwt``),
the SKUs the MFE sends must match the basket's, then ``handle_payment`` in a transaction,
``create_order`` and ``handle_post_order``, and Otto's JSON answers. Left out: the SDN check and
the billing address (stock Oscar needs a ``Country`` row per address; no plugin feature reads it).
``StripeSubmitView`` (``stripe:submit``) is not replicated: at this commit its form has no
``payment_intent_id``, so Otto's basket-page Stripe button cannot complete a payment.
"""
import logging

from django.core.exceptions import MultipleObjectsReturned, ObjectDoesNotExist
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from oscar.apps.partner import strategy
from oscar.core.loading import get_class, get_model
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from ecommerce.extensions.basket.utils import PAYMENT_INTENT_ID_ATTRIBUTE
from ecommerce.extensions.checkout.mixins import EdxOrderPlacementMixin
from ecommerce.extensions.checkout.utils import get_receipt_page_url
from ecommerce.extensions.payment.processors.stripe import Stripe
from ecommerce.extensions.payment.stripe_standin import error as stripe_error

logger = logging.getLogger(__name__)

Applicator = get_class("offer.applicator", "Applicator")
BasketAttribute = get_model("basket", "BasketAttribute")
BasketAttributeType = get_model("basket", "BasketAttributeType")


class StripeCheckoutView(EdxOrderPlacementMixin, APIView):
    http_method_names = ["post"]
    permission_classes = [IsAuthenticated]

    @property
    def payment_processor(self):
        return Stripe(self.request.site)

    def _get_basket(self, payment_intent_id):
        try:
            payment_intent_id_attribute, __ = BasketAttributeType.objects.get_or_create(
                name=PAYMENT_INTENT_ID_ATTRIBUTE
            )
            basket_attribute = BasketAttribute.objects.get(
                attribute_type=payment_intent_id_attribute,
                value_text=payment_intent_id,
            )
            basket = basket_attribute.basket
            basket.strategy = strategy.Default()
            Applicator().apply(basket, basket.owner, self.request)
        except MultipleObjectsReturned:
            logger.warning("Duplicate payment_intent_id [%s] received from Stripe.", payment_intent_id)
            return None
        except ObjectDoesNotExist:
            logger.warning("Could not find payment_intent_id [%s] among baskets.", payment_intent_id)
            return None
        except Exception:  # pylint: disable=broad-except
            logger.exception("Unexpected error during basket retrieval while executing Stripe payment.")
            return None
        return basket

    def post(self, request):
        stripe_response = request.POST.dict()
        payment_intent_id = stripe_response.get("payment_intent_id")
        basket = self._get_basket(payment_intent_id)
        if not basket:
            return redirect("/checkout/error/")

        request_skus = stripe_response.get("skus")
        if request_skus:
            request_skus = set(request_skus.split(","))
            basket_skus = set(basket.lines.values_list("stockrecord__partner_sku", flat=True))
            if request_skus != basket_skus:
                logger.warning("Basket [%d] SKU mismatch! request_skus [%s] and basket_skus [%s].",
                               basket.id, request_skus, basket_skus)
                return self.sku_mismatch_error_response()

        try:
            with transaction.atomic():
                try:
                    self.handle_payment(stripe_response, basket)
                except stripe_error.CardError as err:
                    return self.stripe_error_response(err)
        except:  # noqa: E722  pylint: disable=bare-except
            logger.exception("Attempts to handle payment for basket [%d] failed.", basket.id)
            return self.error_page_response()

        try:
            order = self.create_order(request, basket, None)
            self.handle_post_order(order)
        except Exception:  # pylint: disable=broad-except
            logger.exception("Error processing order for transaction [%s], with order [%s] and basket [%d].",
                             payment_intent_id, basket.order_number, basket.id)
            return self.error_page_response()

        return self.receipt_page_response(basket)

    def error_page_response(self):
        return JsonResponse({}, status=400)

    def sku_mismatch_error_response(self):
        return JsonResponse({"sku_error": True}, status=400)

    def receipt_page_response(self, basket):
        receipt_page_url = get_receipt_page_url(self.request, order_number=basket.order_number,
                                                site_configuration=basket.site.siteconfiguration,
                                                disable_back_button=True)
        return JsonResponse({"receipt_page_url": receipt_page_url}, status=201)

    def stripe_error_response(self, error):
        return JsonResponse({"error_code": error.code, "user_message": error.user_message}, status=400)
