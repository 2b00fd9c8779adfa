"""
The checkout step: the discount token is verified again, and claimed for this order, before the charge.
"""
import logging

from django.contrib import messages

from ecommerce_plugin.checkout.api import prepare_basket
from ecommerce_plugin.checkout.steps import CheckoutStep
from ecommerce_plugin.discounts import api

log = logging.getLogger(__name__)


class LmsDiscountStep(CheckoutStep):
    """
    ``prepare_basket`` has just re-applied the offers for this payment, so the offer's condition
    re-verified the submitted token (signature, issuer, expiry, user, course, percent, unused jti).
    Here the token's ``jti`` is claimed for this basket; if another basket won the claim, the basket
    is re-priced at full price before the total is computed. A refused token means full price, and
    the learner is told why.
    """

    def prepare(self, basket, context):
        before = api.verdict_for_basket(basket)
        after = api.reserve_redemption(basket)
        if before.discount is not None and after.discount is None:
            # Lost the race for this jti: price the basket again; the condition now refuses.
            prepare_basket(basket, context)
        refusal = api.verdict_for_basket(basket).refusal
        if refusal is not None:
            log.info("Basket %s paid at full price: %s", basket.id, refusal.error_code)
            _tell(context.request, refusal.message)

    def release(self, basket, context):
        api.release_redemption(basket)


def _tell(request, message):
    if request is None or not hasattr(request, "_messages"):
        return
    messages.warning(request, message)
