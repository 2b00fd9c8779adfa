"""
The receipt's tags: ``{% learner_dashboard_url order %}`` (see ``api.learner_dashboard_url``) and
``{% fulfillment_state order as state %}`` (what the receipt tells the learner happens next).
"""
from django import template

from ecommerce_plugin.fulfillment import api

register = template.Library()


@register.simple_tag
def learner_dashboard_url(order):
    return api.learner_dashboard_url(order)


@register.simple_tag
def fulfillment_state(order):
    return api.learner_facing_state(order)
