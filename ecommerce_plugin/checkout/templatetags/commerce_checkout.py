"""
``{% payment_form_template as name %}``: the processor's own payment fields for the pay form.
"""
from django import template

from ecommerce_plugin import platform

register = template.Library()


@register.simple_tag
def payment_form_template():
    return platform.payment_form_template() or ""
