"""
Template tags of registration codes (the receipt lists an order's codes).
"""
from django import template

from ecommerce_plugin.registration_codes import api

register = template.Library()


@register.simple_tag
def registration_codes_for_order(order):
    return api.codes_for_order(order)
