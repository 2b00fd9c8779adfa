"""
The one site offer that carries the LMS discount; created by a data migration (and by tests that
flush the database), idempotent.
"""
OFFER_NAME = "LMS course+user discount"
OFFER_SLUG = "lms-course-user-discount"
CONDITION_PROXY = "ecommerce_plugin.discounts.models.DynamicDiscountCondition"
BENEFIT_PROXY = "ecommerce_plugin.discounts.models.DynamicPercentageDiscountBenefit"


def create_dynamic_discount_offer(ConditionalOffer, Condition, Benefit):  # noqa: N803  (models, historical or real)
    """
    Get or create the offer with proxy Condition and Benefit rows; returns it.
    """
    condition = Condition.objects.filter(proxy_class=CONDITION_PROXY).first() or Condition.objects.create(
        proxy_class=CONDITION_PROXY
    )
    benefit = Benefit.objects.filter(proxy_class=BENEFIT_PROXY).first() or Benefit.objects.create(
        proxy_class=BENEFIT_PROXY
    )
    offer, _ = ConditionalOffer.objects.get_or_create(
        slug=OFFER_SLUG,
        defaults={
            "name": OFFER_NAME,
            "description": "The LMS's signed course+user discount (discount_jwt), one seat per order.",
            "offer_type": "Site",
            "status": "Open",
            # Below vouchers and other site offers; exclusive, so it never stacks on a discounted line.
            "priority": -10,
            "exclusive": True,
            "condition": condition,
            "benefit": benefit,
        },
    )
    return offer
