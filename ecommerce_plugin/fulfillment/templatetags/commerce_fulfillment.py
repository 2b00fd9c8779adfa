"""
``{% learner_dashboard_url order %}``: the receipt's link back to the LMS (see ``api.learner_dashboard_url``).
"""
from django import template

from ecommerce_plugin.fulfillment import api

register = template.Library()


@register.simple_tag
def learner_dashboard_url(order):
    return api.learner_dashboard_url(order)
