"""
Replica of Otto ``ecommerce/extensions/checkout/mixins.py`` (``EdxOrderPlacementMixin``: the end of
every Otto payment view), checked against openedx-unsupported/ecommerce ``open-release/sumac.master``
126b670782e095b0abddd22fae0e94f8caf88348.

Kept as Otto has it: ``handle_payment`` calls the processor and records the payment (source and
event, linked to the order when it is written), ``create_order`` prices the basket from the
database (``OrderTotalCalculator``) and calls ``handle_order_placement``, which writes the order
(Oscar's ``place_order``, which sends ``order_placed``) and submits the basket in one transaction,
then ``handle_successful_order`` sends ``post_checkout`` (or, with the waffle sample
``async_order_fulfillment``, queues ecommerce-worker's ``fulfill_order``); ``place_free_order`` and
``handle_post_order``. Left out: segment events, audit logs, enterprise offer assignments, the
email opt-in attribute (``email_opt_in`` is False) and the bulk-purchase invoice of
``handle_post_order``. Stock Oscar's ``Source`` and ``PaymentEvent`` have no ``card_type`` and
``processor_name`` columns (Otto's fork adds them), so those two values are not stored.
"""
import abc
import logging

import waffle
from django.db import transaction
from oscar.apps.checkout.mixins import OrderPlacementMixin
from oscar.core.loading import get_class, get_model

from ecommerce.extensions.checkout.exceptions import BasketNotFreeError

logger = logging.getLogger(__name__)
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")
Order = get_model("order", "Order")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
post_checkout = get_class("checkout.signals", "post_checkout")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
PAID = "Paid"  # Otto's order/constants.py PaymentEventTypeName.PAID


class EdxOrderPlacementMixin(OrderPlacementMixin, metaclass=abc.ABCMeta):
    """ Mixin for edX-specific order placement. """

    payment_processor = None

    def create_order(self, request, basket, billing_address=None):
        order_number = basket.order_number
        try:
            shipping_method = NoShippingRequired()
            shipping_charge = shipping_method.calculate(basket)
            order_total = OrderTotalCalculator().calculate(basket, shipping_charge)
            return self.handle_order_placement(
                order_number=order_number,
                user=basket.owner,
                basket=basket,
                shipping_address=None,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                billing_address=billing_address,
                order_total=order_total,
                request=request,
            )
        except Exception:  # pylint: disable=broad-except
            self.log_order_placement_exception(order_number, basket.id)
            raise

    def add_payment_event(self, event):  # pylint: disable=arguments-differ
        """ Record a payment event for creation once the order is placed. """
        if self._payment_events is None:
            self._payment_events = []
        self._payment_events.append(event)

    def handle_payment(self, response, basket):  # pylint: disable=arguments-differ
        """ Charge through the processor; only a successful payment is recorded. """
        handled_processor_response = self.payment_processor.handle_processor_response(response, basket=basket)
        self.record_payment(basket, handled_processor_response)

    def record_payment(self, basket, handled_processor_response):
        source_type, __ = SourceType.objects.get_or_create(name=self.payment_processor.NAME)
        total = handled_processor_response.total
        reference = handled_processor_response.transaction_id
        source = Source(
            source_type=source_type,
            currency=handled_processor_response.currency,
            amount_allocated=total,
            amount_debited=total,
            reference=reference,
            label=handled_processor_response.card_number,
        )
        event_type, __ = PaymentEventType.objects.get_or_create(name=PAID)
        payment_event = PaymentEvent(event_type=event_type, amount=total, reference=reference)
        self.add_payment_source(source)
        self.add_payment_event(payment_event)

    def handle_order_placement(self, order_number, user, basket, shipping_address, shipping_method,  # pylint: disable=arguments-differ
                               shipping_charge, billing_address, order_total, request=None, **kwargs):
        """ Place an order and mark the basket submitted, in one transaction. """
        with transaction.atomic():
            order = self.place_order(
                order_number=order_number,
                user=user,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                billing_address=billing_address,
                request=request,
                **kwargs,
            )
            basket.submit()
        return self.handle_successful_order(order, request)

    def handle_successful_order(self, order, request=None):  # pylint: disable=arguments-differ
        """Send a signal so that receivers can perform relevant tasks (e.g., fulfill the order)."""
        email_opt_in = False
        if waffle.sample_is_active("async_order_fulfillment"):
            from ecommerce_worker.fulfillment.v1.tasks import fulfill_order  # noqa: PLC0415

            partner = order.site.siteconfiguration.partner  # Otto's partner has a ``short_code``; Oscar's a code
            fulfill_order.delay(order.number, site_code=getattr(partner, "short_code", partner.code),
                                email_opt_in=email_opt_in)
        else:
            post_checkout.send(sender=self, order=order, request=request, email_opt_in=email_opt_in)
        return order

    def place_free_order(self, basket, request=None):
        """Place the order of a free basket; raises ``BasketNotFreeError`` otherwise."""
        if basket.total_incl_tax != 0:
            raise BasketNotFreeError
        basket.freeze()
        shipping_method = NoShippingRequired()
        shipping_charge = shipping_method.calculate(basket)
        logger.info("Preparing to place order [%s] for the contents of basket [%d]", basket.order_number, basket.id)
        return self.handle_order_placement(
            basket=basket,
            billing_address=None,
            order_number=basket.order_number,
            order_total=OrderTotalCalculator().calculate(basket, shipping_charge),
            request=request,
            shipping_address=None,
            shipping_charge=shipping_charge,
            shipping_method=shipping_method,
            user=basket.owner,
        )

    def handle_post_order(self, order):
        """ Otto links bulk enrollment-code orders to their business client here (left out). """

    def log_order_placement_exception(self, order_number, basket_id):
        processor = self.payment_processor.NAME.title() if self.payment_processor else None
        if Order.objects.filter(number=order_number).exists():
            logger.exception("Duplicate Order Attempt: %s payment was received, but an order with number [%s] "
                             "already exists. Basket id: [%d].", processor, order_number, basket_id)
        else:
            logger.exception("Order Failure: %s payment was received, but an order for basket [%d] "
                             "could not be placed.", processor, basket_id)
