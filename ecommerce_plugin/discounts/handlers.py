"""
Oscar's ``order_placed``: the token's redemption row is linked to the order written for its basket.
Oscar's ``basket_addition`` (sent by Otto's ``prepare_basket``): a token kept for the basket is forgotten.
"""
from django.dispatch import receiver
from oscar.core.loading import get_class

from ecommerce_plugin import platform
from ecommerce_plugin.discounts import api

order_placed = get_class("order.signals", "order_placed")
basket_addition = get_class("basket.signals", "basket_addition")


@receiver(order_placed, dispatch_uid="commerce_ecommerce_discounts.link_redemption")
def link_redemption(sender, order, **kwargs):  # pylint: disable=unused-argument
    api.link_redemption_to_order(order)


@receiver(basket_addition, dispatch_uid="commerce_ecommerce_discounts.forget_stored_token")
def forget_stored_token(sender, basket=None, **kwargs):  # pylint: disable=unused-argument
    """
    Otto's ``prepare_basket`` refilled the basket: a token kept for its former seat is forgotten.
    """
    if basket is not None and platform.is_otto():
        api.forget_stored_token(basket)
