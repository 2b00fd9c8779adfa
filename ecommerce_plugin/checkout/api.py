"""
Checkout, the one way a basket becomes an order in this plugin.

The charge happens outside any database transaction (the weakness of the Teacher's Portal
design this replaces): first the basket is locked, checked by every checkout step and
frozen, in one short transaction; then the processor is called; then the order is written
in a second transaction. A frozen basket cannot be paid twice, a submitted one answers with
its order, so a repeated request never charges twice, and a charge whose order cannot be
written is refunded rather than lost.
"""
import dataclasses
import logging

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import seat_by_sku
from ecommerce_plugin.checkout import errors
from ecommerce_plugin.checkout.data import CheckoutContext, PlacedOrder
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.checkout.steps import configured_steps

log = logging.getLogger(__name__)

Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")
Free = get_class("shipping.methods", "Free")
Order = get_model("order", "Order")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


def open_basket_for(user, request=None):
    """
    The user's open basket, created if needed, with pricing strategy and offers applied.
    """
    basket = platform.open_basket(user, request)
    prepare_basket(basket, CheckoutContext(user=user, request=request))
    return basket


def prepare_basket(basket, context):
    """
    Give ``basket`` its pricing strategy and apply the offers, as the basket page and checkout see it.

    ``basket.checkout_context`` lets offer conditions read what the buyer sent (a discount
    token) without a request object, which an API call or a task may not have.
    """
    with platform.pricing_request(context.user, context.request) as request:
        basket.strategy = Selector().strategy(request=request, user=context.user)
        basket.checkout_context = context
        basket.reset_offer_applications()
        Applicator().apply(basket, context.user, request)
    return basket


@transaction.atomic
def add_skus_to_basket(user, skus, request=None):
    """
    Empty the user's open basket and put one of each SKU in it, as Otto's ``/basket/add/`` does.
    """
    products = []
    for sku in skus:
        seat = seat_by_sku(sku)
        if seat is None:
            raise CheckoutRefused(
                errors.PRODUCT_NOT_FOUND,
                _("No product has the SKU %(sku)s.") % {"sku": repr(sku)},
                http_status=404,
            )
        _refuse_held_seat(user, seat)
        products.append(Product.objects.get(id=seat.product_id))
    basket = platform.open_basket(user, request)
    basket.flush()
    basket.strategy = Selector().strategy(request=request, user=user)
    for product in products:
        basket.add_product(product, 1)
    return basket


def _refuse_held_seat(user, seat):
    from ecommerce_plugin.held_seats import api as held_seats_api  # noqa: PLC0415  (it imports checkout)

    held_seats_api.refuse_if_held(user, seat)


def place_order(user, basket_id, params=None, request=None):
    """
    Pay for basket ``basket_id`` of ``user`` and write its order; see the module docstring.

    ``params`` holds the processor's payment fields (``platform.payment_fields()``) and what the
    checkout steps read.
    Raises ``CheckoutRefused`` (nothing charged) with an error code from ``errors`` or a step's.
    """
    context = CheckoutContext(user=user, params=dict(params or {}), request=request)
    existing = _submitted_order(user, basket_id)
    if existing is not None:
        return existing
    basket, total = _freeze_for_payment(basket_id, context)
    try:
        reference = _charge(basket, total, context)
    except CheckoutRefused:
        _thaw(basket, context)
        raise
    try:
        return _write_order(basket, total, reference, context)
    except Exception as exc:
        committed = _submitted_order(user, basket.id)
        if committed is not None:
            # The order is written and paid; what failed ran after the commit. Keep both.
            log.exception("Order %s was placed, but work after its commit failed.", committed.number)
            return dataclasses.replace(committed, created=True)
        log.exception("Order for basket %s could not be written after a charge; refunding.", basket.id)
        _refund(basket, total, reference)
        _thaw(basket, context)
        raise CheckoutRefused(
            errors.ORDER_CREATION_FAILED, _("The order could not be recorded; the payment was refunded."), 500
        ) from exc


def _submitted_order(user, basket_id):
    order = Order.objects.filter(basket_id=basket_id, user=user).first()
    if order is None:
        return None
    return PlacedOrder(order.number, order.status, order.total_incl_tax, order.currency, created=False)


@transaction.atomic
def _freeze_for_payment(basket_id, context):
    basket = Basket.objects.select_for_update().filter(id=basket_id, owner=context.user).first()
    if basket is None:
        raise CheckoutRefused(errors.BASKET_NOT_FOUND, _("No such basket."), http_status=404)
    if basket.status != Basket.OPEN:
        raise CheckoutRefused(errors.BASKET_LOCKED, _("This basket is already being paid for."), http_status=409)
    prepare_basket(basket, context)
    if basket.is_empty:
        raise CheckoutRefused(errors.BASKET_EMPTY, _("The basket is empty."))
    for step in configured_steps():
        step.prepare(basket, context)
    total = OrderTotalCalculator().calculate(basket, Free().calculate(basket))
    basket.freeze()
    return basket, total


def _charge(basket, total, context):
    """
    Take the payment; returns the processor's transaction id, or None for a free order.
    """
    if total.incl_tax <= 0:
        return None
    declined, gateway_error = platform.payment_errors()
    processor = platform.payment_processor()
    try:
        # The processor's own fields, untouched and never stored here: the plugin collects no card data.
        fields = {name: context.params[name] for name in platform.payment_fields() if name in context.params}
        handled = processor.handle_processor_response(
            {**fields, "amount": str(total.incl_tax), "currency": total.currency}, basket=basket
        )
    except declined as exc:
        raise CheckoutRefused(errors.PAYMENT_DECLINED, str(exc), http_status=402) from exc
    except gateway_error as exc:
        raise CheckoutRefused(errors.PAYMENT_FAILED, _("The payment processor failed; try again."), 502) from exc
    return handled.transaction_id


@transaction.atomic
def _write_order(basket, total, reference, context):
    prepare_basket(basket, context)
    shipping_method = Free()
    order = OrderCreator().place_order(
        basket=basket,
        total=total,
        shipping_method=shipping_method,
        shipping_charge=shipping_method.calculate(basket),
        user=context.user,
        order_number=OrderNumberGenerator().order_number(basket),
        request=context.request,
    )
    if reference is not None:
        source_type, _created = SourceType.objects.get_or_create(name=platform.payment_processor().NAME)
        Source.objects.create(
            order=order,
            source_type=source_type,
            currency=total.currency,
            amount_allocated=total.incl_tax,
            amount_debited=total.incl_tax,
            reference=reference,
        )
        event_type, _created = PaymentEventType.objects.get_or_create(name="Paid")
        PaymentEvent.objects.create(order=order, event_type=event_type, amount=total.incl_tax, reference=reference)
    basket.submit()
    return PlacedOrder(order.number, order.status, order.total_incl_tax, order.currency, created=True)


@transaction.atomic
def _thaw(basket, context):
    basket.thaw()
    for step in configured_steps():
        step.release(basket, context)


def _refund(basket, total, reference):
    if reference is None:
        return
    try:
        platform.refund(OrderNumberGenerator().order_number(basket), basket, reference, total.incl_tax, total.currency)
    except Exception:  # pylint: disable=broad-except
        # Money taken, no order, refund failed: finance must see this one.
        log.critical("Refund of %s for basket %s failed; reconcile by hand.", reference, basket.id, exc_info=True)
