"""
Prices as the shop writes them for people: Oscar's ``currency`` filter (babel, the shop's
``OSCAR_CURRENCY_FORMAT`` and the active language), the one Oscar's and Otto's own pages use, so
the basket, the receipt and the plugin's pages and emails agree ("$41.65" everywhere).

Templates load the filter itself (``{% load currency_filters %}``, ``{{ amount|currency:code }}``);
Python code calls ``format_price``. Machine-readable outputs (APIs, CSV) keep plain amounts.
"""
from oscar.templatetags.currency_filters import currency


def format_price(amount, currency_code):
    return currency(amount, currency_code)
