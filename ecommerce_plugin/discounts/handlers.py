"""
Oscar's ``order_placed``: the token's redemption row is linked to the order written for its basket.
"""
from django.dispatch import receiver
from oscar.core.loading import get_class

from ecommerce_plugin.discounts import api

order_placed = get_class("order.signals", "order_placed")


@receiver(order_placed, dispatch_uid="commerce_ecommerce_discounts.link_redemption")
def link_redemption(sender, order, **kwargs):  # pylint: disable=unused-argument
    api.link_redemption_to_order(order)
