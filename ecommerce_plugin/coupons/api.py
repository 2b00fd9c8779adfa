"""
Coupons: an Oscar voucher per code, with one voucher offer (percentage off the course's seats).

Oscar's own machinery applies them (the basket's ``Applicator``) and records their use when
the order is written. What Oscar does not do, the checkout step adds: one coupon per order,
and a usage limit that holds when several buyers pay at the same time (a basket frozen for
payment with the coupon counts as a use until its charge fails).
"""
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.checkout.api import prepare_basket
from ecommerce_plugin.checkout.data import CheckoutContext
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.checkout.paying import being_paid
from ecommerce_plugin.coupons import errors
from ecommerce_plugin.coupons.data import Coupon
from ecommerce_plugin.finance import api as finance_api
from ecommerce_plugin.registration_codes.api import draw_code

Basket = get_model("basket", "Basket")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Product = get_model("catalogue", "Product")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")

COURSE_KEY_PREFIX = "Coupon range "


def _course_of(voucher):
    offer = voucher.offers.select_related("condition__range").first()
    return offer.condition.range.name.removeprefix(COURSE_KEY_PREFIX) if offer else ""


def create_coupon(
    user, *, course_key, percentage, end_datetime, start_datetime=None, code=None, max_uses=None,
    usage=Voucher.MULTI_USE,
):
    """
    A coupon for ``percentage`` off the seats of ``course_key``; course staff and finance admins only.

    Course staff stay within ``COMMERCE_COUPON_STAFF_MAX_PERCENTAGE`` and
    ``COMMERCE_COUPON_STAFF_MAX_USES`` (an unlimited coupon is above any cap); larger coupons
    give money away and are for the course's finance admins.
    """
    finance_api.require_coupon_manager(user, course_key)
    uses = 1 if usage == Voucher.SINGLE_USE else max_uses
    if _above_staff_cap(percentage, uses) and not finance_api.is_finance_admin(user, course_key):
        raise CheckoutRefused(
            errors.ABOVE_STAFF_CAP,
            _(
                "Course staff may create coupons of up to %(percentage)s%% and %(uses)s uses; "
                "ask a finance admin of %(course_key)s for this one."
            )
            % {
                "percentage": settings.COMMERCE_COUPON_STAFF_MAX_PERCENTAGE,
                "uses": settings.COMMERCE_COUPON_STAFF_MAX_USES,
                "course_key": course_key,
            },
            403,
        )
    seats = list(
        Product.objects.filter(
            structure=Product.CHILD,
            parent__product_class__slug="seat",
            attribute_values__attribute__code="course_key",
            attribute_values__value_text=course_key,
        )
    )
    if not seats:
        raise CheckoutRefused(
            errors.NO_SEATS,
            _("%(course_key)s has no seats to discount.") % {"course_key": course_key},
            404,
        )
    code = (code or draw_code()).upper()
    try:
        with transaction.atomic():
            product_range, _created = Range.objects.get_or_create(name=f"{COURSE_KEY_PREFIX}{course_key}")
            for seat in seats:
                product_range.add_product(seat)
            offer = ConditionalOffer.objects.create(
                name=f"Coupon {code}",
                offer_type=ConditionalOffer.VOUCHER,
                exclusive=True,
                condition=Condition.objects.create(range=product_range, type=Condition.COUNT, value=1),
                benefit=Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=Decimal(percentage)),
                max_global_applications=max_uses,
                **platform.coupon_offer_fields(seats),
            )
            voucher = Voucher.objects.create(
                name=f"Coupon {code} for {course_key}"[:128],
                code=code,
                usage=usage,
                start_datetime=start_datetime or timezone.now(),
                end_datetime=end_datetime,
            )
            voucher.offers.add(offer)
    except IntegrityError as exc:
        raise CheckoutRefused(errors.DUPLICATE_CODE, _("The code %(code)s is taken.") % {"code": code}, 409) from exc
    return _coupon(voucher, offer, course_key)


def _above_staff_cap(percentage, uses):
    return Decimal(percentage) > Decimal(settings.COMMERCE_COUPON_STAFF_MAX_PERCENTAGE) or (
        uses is None or uses > settings.COMMERCE_COUPON_STAFF_MAX_USES
    )


def _coupon(voucher, offer, course_key):
    return Coupon(
        code=voucher.code,
        course_key=course_key,
        percentage=offer.benefit.value,
        usage=voucher.usage,
        start_datetime=voucher.start_datetime,
        end_datetime=voucher.end_datetime,
        max_uses=1 if voucher.usage == Voucher.SINGLE_USE else offer.max_global_applications,
        times_used=voucher.num_orders,
    )


def list_coupons(user, course_key):
    finance_api.require_coupon_manager(user, course_key)
    vouchers = (
        Voucher.objects.filter(offers__condition__range__name=f"{COURSE_KEY_PREFIX}{course_key}")
        .prefetch_related("offers__benefit")
        .order_by("-date_created")
    )
    return [_coupon(voucher, voucher.offers.all()[0], course_key) for voucher in vouchers]


def refusal_for(voucher, user, basket=None):
    """
    Why ``voucher`` cannot be used by ``user`` now (a ``CheckoutRefused``), or None.

    Uses in flight count: baskets being paid with this voucher (``checkout.paying``), other than ``basket``.
    """
    if not voucher.is_active():
        return CheckoutRefused(
            errors.COUPON_EXPIRED,
            _("The coupon %(code)s is not valid now.") % {"code": voucher.code},
        )
    available, message = voucher.is_available_to_user(user=user)
    if not available:
        return CheckoutRefused(errors.COUPON_ALREADY_USED, str(message))
    in_flight = Basket.objects.filter(being_paid(), vouchers=voucher)
    if basket is not None:
        in_flight = in_flight.exclude(id=basket.id)
    in_flight = in_flight.count()
    if voucher.usage == Voucher.SINGLE_USE and in_flight:
        return CheckoutRefused(
            errors.COUPON_EXHAUSTED,
            _("The coupon %(code)s has been used.") % {"code": voucher.code},
        )
    for offer in voucher.offers.all():
        limit = offer.max_global_applications
        if limit is not None and offer.num_applications + in_flight >= limit:
            return CheckoutRefused(
                errors.COUPON_EXHAUSTED,
                _("The coupon %(code)s has been used up.") % {"code": voucher.code},
            )
    return None


@transaction.atomic
def apply_coupon(user, code, request=None):
    """
    Put coupon ``code`` on the user's open basket, replacing any other (one coupon per order).
    """
    voucher = Voucher.objects.filter(code=str(code).strip().upper()).first()
    if voucher is None:
        raise CheckoutRefused(errors.COUPON_NOT_FOUND, _("No such coupon."), 404)
    refusal = refusal_for(voucher, user)
    if refusal is not None:
        raise refusal
    basket = platform.open_basket(user, request)
    basket.vouchers.clear()
    basket.vouchers.add(voucher)
    prepare_basket(basket, CheckoutContext(user=user, request=request))
    if not any(item["voucher"].id == voucher.id for item in basket.grouped_voucher_discounts):
        basket.vouchers.remove(voucher)
        raise CheckoutRefused(
            errors.COUPON_NOT_APPLICABLE,
            _("The coupon %(code)s does not apply to your basket.") % {"code": voucher.code},
        )
    return basket
