"""
The dynamic-discount offer's proxy Condition and Benefit (Oscar's way: their dotted paths are
stored in ``proxy_class`` of the rows a data migration creates), and the redemption record that
makes a token discount one order only.
"""
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class, get_model

from ecommerce_plugin import platform
from ecommerce_plugin.discounts import api

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
BasketDiscount = get_class("offer.results", "BasketDiscount")
ZERO_DISCOUNT = get_class("offer.results", "ZERO_DISCOUNT")

CENT = Decimal("0.01")


class DynamicDiscountCondition(Condition):
    """
    Satisfied when the basket is one seat and its discount token verifies for its owner and course.

    .. no_pii:
    """

    class Meta:
        proxy = True
        app_label = "commerce_ecommerce_discounts"
        verbose_name = _("LMS discount condition")

    @property
    def name(self):
        # Otto's basket page and receipt recognise the discount by its condition's name.
        return "dynamic_discount_condition" if platform.is_otto() else "LMS course+user discount (signed JWT)"

    def is_satisfied(self, offer, basket):
        return api.verdict_for_basket(basket).discount is not None

    def is_partially_satisfied(self, offer, basket):
        return False


class DynamicPercentageDiscountBenefit(Benefit):
    """
    Takes the token's percentage off the seat line only, rounded half-up to cents.

    .. no_pii:
    """

    class Meta:
        proxy = True
        app_label = "commerce_ecommerce_discounts"
        verbose_name = _("LMS discount benefit")

    @property
    def name(self):
        return "LMS course+user discount percentage"

    def apply(self, basket, condition, offer, **kwargs):
        discount = api.verdict_for_basket(basket).discount
        line = api.seat_line(basket)
        if discount is None or line is None or line.quantity_without_offer_discount(offer) < 1:
            return ZERO_DISCOUNT
        amount = discount_amount(line.unit_effective_price, discount.percent)
        if amount <= 0:
            return ZERO_DISCOUNT
        line.discount(amount, 1, incl_tax=False, offer=offer)
        return BasketDiscount(amount)


def discount_amount(price, percent):
    """
    ``percent`` of ``price``, rounded half-up to the cent, never more than the price.
    """
    return min(price, (Decimal(price) * Decimal(percent) / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP))


class DiscountRedemption(models.Model):
    """
    One discount token (its ``jti``) used for one order: reserved while the basket is charged,
    linked to the order once written, released if the charge fails.

    .. pii: ``username`` and the token's claims (which include the learner's email) identify the learner.
    .. pii_types: username, email_address
    .. pii_retirement: retained
    """

    jti = models.CharField(max_length=255, unique=True)
    basket_id = models.PositiveIntegerField(db_index=True)
    order = models.OneToOneField(
        "order.Order", null=True, blank=True, on_delete=models.CASCADE, related_name="lms_discount_redemption"
    )
    username = models.CharField(max_length=150)
    course_key = models.CharField(max_length=255)
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    claims = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Discount {self.jti} ({self.percent}%) for basket {self.basket_id}"
