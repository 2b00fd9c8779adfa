"""
The checkout step: the discount token is verified again, and claimed for this order, before the charge.
"""
import logging

from django.contrib import messages

from ecommerce_plugin import platform
from ecommerce_plugin.checkout.api import prepare_basket
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.checkout.steps import CheckoutStep
from ecommerce_plugin.discounts import api, errors

log = logging.getLogger(__name__)


class LmsDiscountStep(CheckoutStep):
    """
    ``prepare_basket`` has just re-applied the offers for this payment, so the offer's condition
    re-verified the submitted token (signature, issuer, expiry, user, course, percent, unused jti).
    Here the token's ``jti`` is claimed for this basket; if another basket won the claim, the basket
    is re-priced at full price before the total is computed. A refused token means full price, and
    the learner is told why.

    On Otto the step runs in the pre-payment check (``checkout.otto``), and Otto's clients show no
    message on a successful payment: a discount the learner was shown (the token kept with the
    basket) that no longer holds, or whose ``jti`` another basket claimed first, refuses the payment
    (``discount_changed``) and is forgotten, so the reloaded page shows the price that will be charged.
    """

    def prepare(self, basket, context):
        before = api.verdict_for_basket(basket)
        after = api.reserve_redemption(basket)
        if platform.is_otto():
            self._on_otto(basket, before, after)
            return
        if before.discount is not None and after.discount is None:
            # Lost the race for this jti: price the basket again; the condition now refuses.
            prepare_basket(basket, context)
        refusal = api.verdict_for_basket(basket).refusal
        if refusal is not None:
            log.info("Basket %s paid at full price: %s", basket.id, refusal.error_code)
            _tell(context.request, refusal.message)

    @staticmethod
    def _on_otto(basket, before, after):
        lost_claim = before.discount is not None and after.discount is None
        shown_but_refused = before.refusal is not None and before.token == api.stored_token(basket)
        if lost_claim or shown_but_refused:
            log.info("Basket %s not paid: its discount no longer holds (%s)", basket.id,
                     (after.refusal or before.refusal).error_code)
            refused = CheckoutRefused(errors.DISCOUNT_CHANGED, str(errors.MESSAGES[errors.DISCOUNT_CHANGED]), 409)
            # After the check's transaction has rolled back.
            refused.after_rollback = [lambda: api.forget_stored_token(basket)]
            raise refused

    def release(self, basket, context):
        api.release_redemption(basket)


def _tell(request, message):
    if request is None or not hasattr(request, "_messages"):
        return
    messages.warning(request, message)
