"""
Helpers of the finance tests.
"""
from oscar.core.loading import get_model

from ecommerce_plugin import platform

PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")


def refund(order, amount):
    """
    The processor gives back ``amount``, recorded as Otto's ``Refund._issue_credit`` and the plugin's
    refunds record it: on the order's payment source, with a Refunded payment event.
    """
    source = order.sources.get()
    reference = platform.refund(order.number, order.basket, source.reference, amount, order.currency)
    source.refund(amount, reference=reference)
    event_type, _ = PaymentEventType.objects.get_or_create(name="Refunded")
    PaymentEvent.objects.create(order=order, event_type=event_type, amount=amount, reference=reference)
