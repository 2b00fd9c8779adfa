"""
Template tags of registration codes: the receipt lists an order's codes, the basket says which of
its lines will give codes instead of an enrollment.
"""
from django import template

from ecommerce_plugin.registration_codes import api

register = template.Library()


@register.simple_tag
def registration_codes_for_order(order):
    return api.codes_for_order(order)


@register.simple_tag
def multi_seat_lines(basket):
    return api.multi_seat_lines(basket)
