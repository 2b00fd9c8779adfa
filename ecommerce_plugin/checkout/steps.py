"""
Checkout steps: the features' checks that run before the charge, named in settings.

A step is a class with ``prepare(basket, context)`` — called while the basket is locked,
after offers are applied and before it is frozen: it raises ``CheckoutRefused`` to stop the
checkout, and may reserve what it checked (a quote, a code) — and ``release(basket, context)``,
called when the charge then fails, to undo that reservation. Steps run in the order of
``COMMERCE_CHECKOUT_STEPS``, so an operator sees and orders every check that can refuse a payment.
"""
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


class CheckoutStep:
    """
    Base class of a checkout step; both hooks do nothing unless overridden.

    On Otto the steps run in the pre-payment check in front of Otto's payment views
    (``checkout.otto``); a step whose check Otto already makes itself sets ``runs_on_otto = False``.
    """

    runs_on_otto = True

    def prepare(self, basket, context):
        """
        Check the basket before the charge; raise ``CheckoutRefused`` to stop.
        """

    def release(self, basket, context):
        """
        Undo what ``prepare`` reserved; the charge did not happen.
        """


@cache
def _load(paths):
    return tuple(import_string(path)() for path in paths)


def configured_steps():
    return _load(tuple(settings.COMMERCE_CHECKOUT_STEPS))
