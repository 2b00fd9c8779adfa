"""
Replica of Otto ``ecommerce/extensions/payment/processors/stripe.py`` (``Stripe``: capture context,
``handle_processor_response``, ``issue_credit``, ``get_address_from_token``), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

The ``stripe`` library is the stand-in of ``payment/stripe_standin.py`` (the gateway); the
processor's configuration (keys, API version) is not read. ``record_processor_response`` is Otto's
``BasePaymentProcessor`` method, kept here.
"""
import logging

from oscar.apps.payment.exceptions import GatewayError
from oscar.core.loading import get_model

from ecommerce.extensions.basket.utils import PAYMENT_INTENT_ID_ATTRIBUTE, basket_add_payment_intent_id_attribute
from ecommerce.extensions.payment import stripe_standin as stripe
from ecommerce.extensions.payment.models import PaymentProcessorResponse
from ecommerce.extensions.payment.processors import BasePaymentProcessor, HandledProcessorResponse

logger = logging.getLogger(__name__)
Basket = get_model("basket", "Basket")
BasketAttribute = get_model("basket", "BasketAttribute")
BasketAttributeType = get_model("basket", "BasketAttributeType")
STRIPE_CARD_TYPE_MAP = {"amex": "american_express", "discover": "discover", "mastercard": "mastercard",
                        "visa": "visa"}


class Stripe(BasePaymentProcessor):
    NAME = "stripe"

    def __init__(self, site):
        self.site = site

    def record_processor_response(self, response, transaction_id=None, basket=None):
        return PaymentProcessorResponse.objects.create(processor_name=self.NAME, transaction_id=transaction_id,
                                                       response=response, basket=basket)

    def _get_basket_amount(self, basket):
        """Convert to stripe amount, which is in cents."""
        return str((basket.total_incl_tax * 100).to_integral_value())

    def _build_payment_intent_parameters(self, basket):
        order_number = basket.order_number
        return {
            "amount": self._get_basket_amount(basket),
            "currency": basket.currency,
            "description": order_number,
            "metadata": {"order_number": order_number},
        }

    def generate_basket_pi_idempotency_key(self, basket):
        return f"basket_pi_create_v1_{basket.order_number}"

    def get_capture_context(self, request):
        basket = Basket.get_basket(request.user, request.site)
        if not basket.lines.exists():
            stripe_response = {"id": "", "client_secret": ""}
        else:
            try:
                stripe_response = stripe.PaymentIntent.create(
                    **self._build_payment_intent_parameters(basket),
                    secret_key_confirmation="required",
                    idempotency_key=self.generate_basket_pi_idempotency_key(basket),
                )
                basket_add_payment_intent_id_attribute(basket, stripe_response["id"])
            except stripe.error.IdempotencyError:
                payment_intent_attr = BasketAttribute.objects.get(
                    basket=basket, attribute_type=BasketAttributeType.objects.get(name=PAYMENT_INTENT_ID_ATTRIBUTE)
                )
                stripe_response = stripe.PaymentIntent.retrieve(id=payment_intent_attr.value_text.strip())
        return {"key_id": stripe_response["client_secret"], "order_id": basket.order_number}

    def handle_processor_response(self, response, basket=None):
        payment_intent_id = response["payment_intent_id"]
        # rewrite order amount so it's updated for coupon & quantity and unchanged by the user
        stripe.PaymentIntent.modify(payment_intent_id, **self._build_payment_intent_parameters(basket))
        try:
            confirm_api_response = stripe.PaymentIntent.confirm(
                payment_intent_id, error_on_requires_action=True, expand=["payment_method"],
            )
        except stripe.error.CardError as err:
            self.record_processor_response(err.json_body, transaction_id=payment_intent_id, basket=basket)
            logger.exception("Card Error for basket [%d]: %s}", basket.id, err)
            raise
        assert confirm_api_response["status"] == "succeeded"  # noqa: S101  (Otto's check)
        self.record_processor_response(confirm_api_response, transaction_id=payment_intent_id, basket=basket)
        card_object = confirm_api_response["charges"]["data"][0]["payment_method_details"]["card"]
        return HandledProcessorResponse(
            transaction_id=payment_intent_id,
            total=basket.total_incl_tax,
            currency=basket.currency,
            card_number=card_object["last4"],
            card_type=STRIPE_CARD_TYPE_MAP.get(card_object["brand"]),
        )

    def issue_credit(self, order_number, basket, reference_number, amount, currency):
        try:
            refund = stripe.Refund.create(payment_intent=reference_number, amount=int(amount * 100))
        except Exception as exc:
            raise GatewayError(f"An error occurred while attempting to issue a credit (via Stripe) for order "
                               f"[{order_number}].") from exc
        self.record_processor_response(refund, transaction_id=refund["id"], basket=basket)
        return refund["id"]

    def get_address_from_token(self, payment_intent_id):
        """The billing details Stripe.js attached (Otto builds a ``BillingAddress`` from them)."""
        return stripe.PaymentIntent.retrieve(payment_intent_id, expand=["payment_method"])["payment_method"]
