"""
``{% ccx_basket_entries basket %}``: the basket's custom-course entries, each with its "Edit" link
back to its buy or upgrade page, pre-filled (the stock basket page shows it under Oscar's lines).
"""
from django import template

from ecommerce_plugin.ccx_purchases import api, views

register = template.Library()


@register.inclusion_tag("ecommerce_plugin/ccx_purchases/basket_entries.html")
def ccx_basket_entries(basket):
    lines = api.basket_line_quotes(basket.id) if getattr(basket, "id", None) else []
    return {"entries": [{"line": line, "edit_url": views.edit_url(line)} for line in lines]}
