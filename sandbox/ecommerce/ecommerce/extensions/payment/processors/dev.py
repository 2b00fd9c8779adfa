"""
The sandbox's payment processor: the one stand-in of the ecommerce host, since no real gateway is reachable.

It never moves money. It approves every payment except card numbers ending in ``0002``
(declined), and records what the gateway would have sent, shaped as Stripe's answers are in
Otto's Stripe processor (``ecommerce/extensions/payment/processors/stripe.py``, sumac.master
126b670782e095b0abddd22fae0e94f8caf88348): the confirmed ``PaymentIntent`` of a charge, a card
error's JSON body for a decline, the ``Refund`` of a credit. Amounts there are in cents and
currencies lower case, as Stripe sends them; the shop's own record of what was paid and
refunded is Oscar's ``Source`` and ``PaymentEvent``, never this payload.
"""
import time
import uuid
from decimal import Decimal

from oscar.apps.payment.exceptions import TransactionDeclined

from ecommerce.extensions.payment.processors import BasePaymentProcessor, HandledProcessorResponse

DECLINED_CARD_SUFFIX = "0002"


def _cents(amount):
    return int(Decimal(str(amount)) * 100)


class DevPaymentProcessor(BasePaymentProcessor):
    """
    A development-only processor. Never configure it in production.
    """

    NAME = "dev"
    # The processor's own pay-form fields (the plugin's pay form includes them; it has no card field).
    payment_form_template = "payment/dev/payment_fields.html"
    payment_fields = ("card_number",)

    def handle_processor_response(self, response, basket=None):
        card_number = str(response.get("card_number", "4111111111111111"))
        total = Decimal(str(response["amount"]))
        currency = response.get("currency", "USD")
        payment_intent_id = f"pi_dev{uuid.uuid4().hex}"
        intent = {
            "id": payment_intent_id,
            "object": "payment_intent",
            "amount": _cents(total),
            "currency": currency.lower(),
            "created": int(time.time()),
            "metadata": {"order_number": getattr(basket, "order_number", None) or ""},
        }
        if card_number.endswith(DECLINED_CARD_SUFFIX):
            # stripe.error.CardError's json_body, as Otto records it before re-raising.
            self.record_processor_response(
                {
                    "error": {
                        "type": "card_error",
                        "code": "card_declined",
                        "decline_code": "generic_decline",
                        "message": "Your card was declined.",
                        "payment_intent": {**intent, "status": "requires_payment_method"},
                    }
                },
                transaction_id=payment_intent_id,
                basket=basket,
            )
            raise TransactionDeclined(f"Card ending {card_number[-4:]} was declined.")
        self.record_processor_response(
            {
                **intent,
                "status": "succeeded",
                "charges": {
                    "object": "list",
                    "data": [
                        {
                            "id": f"ch_dev{uuid.uuid4().hex}",
                            "object": "charge",
                            "amount": _cents(total),
                            "paid": True,
                            "payment_method_details": {
                                "type": "card",
                                "card": {"brand": "visa", "last4": card_number[-4:]},
                            },
                        }
                    ],
                },
            },
            transaction_id=payment_intent_id,
            basket=basket,
        )
        return HandledProcessorResponse(
            transaction_id=payment_intent_id,
            total=total,
            currency=currency,
            card_number=f"XXXX-XXXX-XXXX-{card_number[-4:]}",
            card_type="visa",
        )

    def issue_credit(self, order_number, basket, reference_number, amount, currency):
        refund_id = f"re_dev{uuid.uuid4().hex}"
        self.record_processor_response(
            {
                "id": refund_id,
                "object": "refund",
                "amount": _cents(amount),
                "currency": currency.lower(),
                "payment_intent": reference_number,
                "status": "succeeded",
                "metadata": {"order_number": order_number},
            },
            transaction_id=refund_id,
            basket=basket,
        )
        return refund_id
