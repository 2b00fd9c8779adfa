"""
The coupons' checkout step: one coupon per order, and no use beyond a coupon's limits.
"""
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.checkout.steps import CheckoutStep
from ecommerce_plugin.coupons import api, errors

ConditionalOffer = get_model("offer", "ConditionalOffer")


class CouponLimitsStep(CheckoutStep):
    """
    Runs with the basket locked. Locks the coupon's offers too, so two baskets with the same
    coupon are checked one after the other; the first, once frozen, counts as a use until its
    charge fails (the checkout thaws it) or its order records the use.
    """

    def prepare(self, basket, context):
        vouchers = list(basket.vouchers.all())
        if len(vouchers) > 1:
            raise CheckoutRefused(errors.ONE_COUPON_PER_ORDER, _("Only one coupon can be used per order."))
        for voucher in vouchers:
            list(ConditionalOffer.objects.select_for_update().filter(vouchers=voucher).values_list("id", flat=True))
            voucher.refresh_from_db()
            refusal = api.refusal_for(voucher, context.user, basket)
            if refusal is not None:
                raise refusal
