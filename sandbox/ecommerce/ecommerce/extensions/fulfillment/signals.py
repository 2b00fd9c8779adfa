"""
Replica of Otto ``ecommerce/extensions/fulfillment/signals.py`` (the receiver of ``post_checkout``
that fulfils the order), checked against openedx-unsupported/ecommerce ``open-release/sumac.master``
126b670782e095b0abddd22fae0e94f8caf88348.

Otto loads ``EventHandler`` with ``get_class('order.processing', ...)``, which finds its forked order
app; the sandbox keeps Oscar's order app, so the replica imports Otto's handler directly.
"""
from django.dispatch import receiver
from oscar.core.loading import get_class, get_model

from ecommerce.extensions.order.processing import EventHandler

ShippingEventType = get_model("order", "ShippingEventType")
post_checkout = get_class("checkout.signals", "post_checkout")
SHIPPING_EVENT_NAME = "Shipped"


@receiver(post_checkout, dispatch_uid="fulfillment.post_checkout_callback")
def post_checkout_callback(sender, order=None, **kwargs):  # pylint: disable=unused-argument
    order_lines = order.lines.all()
    line_quantities = [line.quantity for line in order_lines]

    shipping_event, __ = ShippingEventType.objects.get_or_create(name=SHIPPING_EVENT_NAME)
    EventHandler().handle_shipping_event(order, shipping_event, order_lines, line_quantities, **kwargs)
