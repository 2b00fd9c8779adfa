"""
Replica of Otto ``ecommerce/extensions/order/processing.py`` (``EventHandler``: Oscar's shipping
event turned into a call of Otto's fulfillment API), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
from oscar.apps.order import exceptions, processing

from ecommerce.extensions.fulfillment import api as fulfillment_api
from ecommerce.extensions.fulfillment.status import LINE


class EventHandler(processing.EventHandler):
    def handle_shipping_event(self, order, event_type, lines, line_quantities, **kwargs):
        self.validate_shipping_event(order, event_type, lines, line_quantities, **kwargs)

        email_opt_in = kwargs.get("email_opt_in", False)
        order = fulfillment_api.fulfill_order(order, lines, email_opt_in=email_opt_in)

        self.create_shipping_event(order, event_type, lines, line_quantities, **kwargs)

        return order

    def create_shipping_event(self, order, event_type, lines, line_quantities, **kwargs):
        """
        A ShippingEvent holding the lines that are Complete and not shipped before; None when there are none.
        """
        reference = kwargs.get("reference", "")
        event = order.shipping_events.create(event_type=event_type, notes=reference)
        event_has_lines = False

        try:
            for line, quantity in zip(lines, line_quantities, strict=False):
                if line.status == LINE.COMPLETE and not line.has_shipping_event_occurred(event_type):
                    event.line_quantities.create(line=line, quantity=quantity)
                    event_has_lines = True
        except exceptions.InvalidShippingEvent:
            event.delete()
            raise

        if not event_has_lines:
            event.delete()
            return None

        return event
