"""
Python code writes a price the way the shop's pages do (Oscar's currency filter).
"""
from decimal import Decimal

from django.template import Context, Template

from ecommerce_plugin.prices import format_price


def test_a_price_in_python_reads_as_on_the_shops_pages():
    page = Template("{% load currency_filters %}{{ amount|currency:'USD' }}").render(Context({"amount": Decimal("41.65")}))
    assert format_price(Decimal("41.65"), "USD") == page == "$41.65"
