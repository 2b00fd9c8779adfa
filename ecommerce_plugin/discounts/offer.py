"""
The one site offer that carries the LMS discount, set up after every ``migrate``, idempotent.

A stock shop gets the plugin's own offer. Otto already has one (``dynamic_conditional_offer``,
made by its offer migration 0025): its Condition and Benefit rows are re-pointed at the
plugin's proxy classes, so Otto's basket page, receipt and offer counts keep seeing one offer.
"""
OFFER_NAME = "LMS course+user discount"
OFFER_SLUG = "lms-course-user-discount"
CONDITION_PROXY = "ecommerce_plugin.discounts.models.DynamicDiscountCondition"
BENEFIT_PROXY = "ecommerce_plugin.discounts.models.DynamicPercentageDiscountBenefit"
OTTO_OFFER_NAME = "dynamic_conditional_offer"


def create_dynamic_discount_offer(ConditionalOffer, Condition, Benefit):  # noqa: N803  (the offer models)
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


def repoint_otto_offer(ConditionalOffer):  # noqa: N803
    """
    Point Otto's own discount offer at the plugin's Condition and Benefit; returns it, or None
    when this Otto has none (nothing is created: the offer is Otto's to have).
    """
    from ecommerce_plugin import history  # noqa: PLC0415

    offer = ConditionalOffer.objects.filter(name=OTTO_OFFER_NAME).select_related("condition", "benefit").first()
    if offer is None:
        return None
    for row, proxy in ((offer.condition, CONDITION_PROXY), (offer.benefit, BENEFIT_PROXY)):
        if row.proxy_class != proxy:
            type(row).objects.filter(pk=row.pk).update(proxy_class=proxy)
            row.proxy_class = proxy
            # Otto keeps the history of its conditions and benefits; the UPDATE leaves none by itself.
            history.record([row], history.CHANGED, "pointed at the plugin's discount classes")
    return offer


def ensure_dynamic_discount_offer(**kwargs):  # noqa: ARG001  (post_migrate's arguments)
    """
    ``post_migrate`` receiver: the discount offer exists and uses the plugin's classes.
    """
    from oscar.core.loading import get_model  # noqa: PLC0415

    from ecommerce_plugin import platform  # noqa: PLC0415

    ConditionalOffer = get_model("offer", "ConditionalOffer")  # noqa: N806
    if platform.is_otto():
        return repoint_otto_offer(ConditionalOffer)
    Condition, Benefit = get_model("offer", "Condition"), get_model("offer", "Benefit")  # noqa: N806
    return create_dynamic_discount_offer(ConditionalOffer, Condition, Benefit)
