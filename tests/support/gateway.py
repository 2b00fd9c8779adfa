"""
What the sandbox's payment gateway was sent and answered, read from Otto's audit record
(``PaymentProcessorResponse``), whose ``response`` is the gateway's own payload as text JSON
(Stripe-shaped: see the sandbox's ``payment/processors/dev.py``). Tests only: nothing in the
plugin reads inside these payloads.
"""
from decimal import Decimal


def _responses():
    from ecommerce.extensions.payment.models import PaymentProcessorResponse  # noqa: PLC0415

    return list(PaymentProcessorResponse.objects.order_by("id"))


def charges():
    """The succeeded charges (confirmed payment intents), oldest first."""
    return [
        r for r in _responses()
        if r.response.get("object") == "payment_intent" and r.response.get("status") == "succeeded"
    ]


def declines():
    """The declined charges (card errors)."""
    return [r for r in _responses() if r.response.get("error", {}).get("type") == "card_error"]


def refunds():
    """The refunds, oldest first."""
    return [r for r in _responses() if r.response.get("object") == "refund"]


def amount(record):
    """The amount of a charge or refund, in the currency's units (the gateway sends cents)."""
    return (Decimal(record.response["amount"]) / 100).quantize(Decimal("0.01"))


def kinds():
    """``charge``/``decline``/``refund`` per recorded response, oldest first."""
    names = {"payment_intent": "charge", "refund": "refund"}
    return [names.get(r.response.get("object"), "decline" if "error" in r.response else "other") for r in _responses()]
