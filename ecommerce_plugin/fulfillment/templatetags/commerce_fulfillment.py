"""
The receipt's tags: ``{% learner_dashboard_url order %}`` (see ``api.learner_dashboard_url``) and
``{% fulfillment_state order as state %}`` (what the receipt tells the learner happens next) and
``{% gives_codes_only order as codes_only %}`` (every seat bought in quantity: the buyer gets
registration codes and no enrollment).
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


@register.simple_tag
def gives_codes_only(order):
    from ecommerce_plugin.registration_codes.api import is_multi_seat_line  # noqa: PLC0415

    lines = list(order.lines.select_related("product"))
    return any(is_multi_seat_line(line) for line in lines) and not api.seat_enrollments(order, lines)
