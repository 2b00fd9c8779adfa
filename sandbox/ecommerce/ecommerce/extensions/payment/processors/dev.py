"""
The sandbox's payment processor: the one stand-in of the ecommerce host, since no real gateway is reachable.

It never moves money. It approves every payment except card numbers ending in
``0002`` (declined) and records what a real processor would report, so refunds
and finance reconciliation have something true to compare against.
"""
import uuid
from decimal import Decimal

from oscar.apps.payment.exceptions import TransactionDeclined

from ecommerce.extensions.payment.models import PaymentProcessorResponse
from ecommerce.extensions.payment.processors import BasePaymentProcessor, HandledProcessorResponse

DECLINED_CARD_SUFFIX = "0002"


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
        transaction_id = f"dev-{uuid.uuid4().hex}"
        approved = not card_number.endswith(DECLINED_CARD_SUFFIX)
        PaymentProcessorResponse.objects.create(
            processor_name=self.NAME,
            transaction_id=transaction_id,
            basket=basket,
            response={
                "kind": "charge",
                "approved": approved,
                "amount": str(total),
                "currency": currency,
                "last4": card_number[-4:],
            },
        )
        if not approved:
            raise TransactionDeclined(f"Card ending {card_number[-4:]} was declined.")
        return HandledProcessorResponse(
            transaction_id=transaction_id,
            total=total,
            currency=currency,
            card_number=f"XXXX-XXXX-XXXX-{card_number[-4:]}",
            card_type="visa",
        )

    def issue_credit(self, order_number, basket, reference_number, amount, currency):
        refund_id = f"dev-refund-{uuid.uuid4().hex}"
        PaymentProcessorResponse.objects.create(
            processor_name=self.NAME,
            transaction_id=refund_id,
            basket=basket,
            response={
                "kind": "refund",
                "order_number": order_number,
                "reference_number": reference_number,
                "amount": str(amount),
                "currency": currency,
            },
        )
        return refund_id
