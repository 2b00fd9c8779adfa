"""
Helpers of the held-seats tests: a second basket holding a seat (as a second tab or an API
client makes one), and what the payment processor charged.
"""
from oscar.core.loading import get_class, get_model

from support import gateway

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")
CARD = "4111111111111111"


def basket_holding(user, seat, quantity=1):
    """A new open basket of ``user`` with ``seat``, made without the basket-add check."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    basket.add_product(Product.objects.get(id=seat.product_id), quantity)
    return basket


def charges():
    return gateway.charges()
