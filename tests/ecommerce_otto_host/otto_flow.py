"""
Orders as Otto places them, for the fulfillment tests: a basket on the site, Oscar's
``OrderCreator``, a payment source of the sandbox processor, then what Otto's
``EdxOrderPlacementMixin.handle_successful_order`` does (ecommerce/extensions/checkout/mixins.py
at 126b670782e0): with the waffle sample ``async_order_fulfillment`` active, ecommerce-worker's
``fulfill_order.delay(number, site_code=..., email_opt_in=...)``; otherwise ``post_checkout``.
"""
import crum
import waffle
from django.test import RequestFactory
from oscar.core.loading import get_class, get_model

Basket = get_model("basket", "Basket")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")
post_checkout = get_class("checkout.signals", "post_checkout")


def request_on(site, user):
    request = RequestFactory().get("/", SERVER_NAME=site.domain.split(":")[0])
    request.site = site
    request.user = user
    request.session = {}
    return request


def place_order(site, user, products, processor_name="dev"):
    """
    ``products``: ``[(product, quantity)]``; returns the Open order, paid through ``processor_name``.
    """
    basket = Basket.create_basket(site, user)
    for product, quantity in products:
        basket.add_product(product, quantity)
    shipping_method = NoShippingRequired()
    shipping_charge = shipping_method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, shipping_charge)
    number = OrderNumberGenerator().order_number(basket)
    order = OrderCreator().place_order(
        basket=basket, total=total, shipping_method=shipping_method, shipping_charge=shipping_charge,
        user=user, order_number=number, site=site,
    )
    basket.submit()
    if total.incl_tax > 0:
        source_type, _ = SourceType.objects.get_or_create(name=processor_name)
        Source.objects.create(order=order, source_type=source_type, amount_allocated=total.incl_tax,
                              amount_debited=total.incl_tax, reference=f"charge-{number}")
    return order


def handle_successful_order(order, request):
    """Otto's branch between its worker and its ``post_checkout`` receivers."""
    if waffle.sample_is_active("async_order_fulfillment"):
        from ecommerce_worker.fulfillment.v1.tasks import fulfill_order  # noqa: PLC0415

        fulfill_order.delay(order.number, site_code=order.site.siteconfiguration.partner.code, email_opt_in=False)
    else:
        crum.set_current_request(request)
        try:
            post_checkout.send(sender=None, order=order, request=request, email_opt_in=False)
        finally:
            crum.set_current_request(None)
    return order
