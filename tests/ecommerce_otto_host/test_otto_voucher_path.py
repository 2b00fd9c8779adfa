"""
The plugin's coupons through Otto's voucher path on the Otto-faithful sandbox: the basket page's
form (``basket:vouchers-add``, the replica of Otto's ``VoucherAddView``/``VoucherAddLogicMixin``,
``validate_voucher``, ``apply_voucher_on_basket_and_check_discount``), Otto's messages, and the
offer priority Otto gives its own vouchers. The same path inside a real Otto, with Otto's
``Voucher``/``ConditionalOffer``/``Range`` forks and the payment MFE's API:
tests/otto_host/test_coupons_in_otto.py.
"""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone
from ecommerce.core.models import SiteConfiguration
from ecommerce.courses.models import Course
from ecommerce.extensions.offer.models import OFFER_PRIORITY_ENTERPRISE, OFFER_PRIORITY_VOUCHER
from ecommerce.extensions.voucher.utils import best_offer, get_voucher_and_products_from_code
from ecommerce.tests.factories import PartnerFactory
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order
from otto_host.test_plugin_in_otto import otto_seat_class  # noqa: F401  (fixture)

from ecommerce_plugin.coupons import api as coupons
from ecommerce_plugin.finance.models import CourseRole

COURSE = "course-v1:edX+DemoX+Demo_Course"
OTHER_COURSE = "course-v1:edX+CCX101+2026"
Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")
BasketAttributeType = get_model("basket", "BasketAttributeType")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(otto_seat_class):  # noqa: F811
    site = Site.objects.get_current()
    partner = PartnerFactory(code="edx", name="edX")
    SiteConfiguration.objects.update_or_create(site=site, defaults={"partner": partner, "lms_url_root": "http://lms"})
    BasketAttributeType.objects.get_or_create(name="bundle_identifier")  # an Otto migration's row
    return {
        COURSE: Course.objects.create(id=COURSE, name="Demo", partner=partner).create_or_update_seat(
            "verified", True, Decimal("100.00")),
        OTHER_COURSE: Course.objects.create(id=OTHER_COURSE, name="CCX 101", partner=partner).create_or_update_seat(
            "verified", True, Decimal("80.00")),
    }


def a_coupon(**kwargs):
    admin = get_user_model().objects.create_user(f"admin{get_user_model().objects.count()}")
    CourseRole.objects.create(user=admin, course_key=COURSE, role=CourseRole.FINANCE_ADMIN)
    kwargs.setdefault("max_uses", 5)
    return coupons.create_coupon(admin, course_key=COURSE, percentage=Decimal("25"),
                                 end_datetime=timezone.now() + timedelta(days=7), **kwargs)


def learner_with(client, product):
    user = get_user_model().objects.create_user(f"learner{get_user_model().objects.count()}")
    basket = Basket.get_basket(user, Site.objects.get_current())
    basket.add_product(product)
    client.force_login(user)
    return user, basket


def add_voucher(client, code):
    response = client.post(reverse("basket:vouchers-add"), {"code": code})
    assert response.status_code == 302
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    client.cookies.pop("messages", None)  # shown on the page the learner is sent back to
    return shown


def priced(basket, user):
    basket = Basket.objects.get(id=basket.id)
    basket.strategy = get_class("partner.strategy", "Selector")().strategy(user=user)
    Applicator().apply(basket, user)
    return basket


def order_with(client, product, code):
    user, basket = learner_with(client, product)
    assert add_voucher(client, code) == [f"Coupon code '{code}' added to basket."]
    create_order(basket=priced(basket, user), user=user)
    client.logout()


def test_a_coupon_entered_in_otto_voucher_form_discounts_the_course_seat(client, shop):
    coupon = a_coupon()
    user, basket = learner_with(client, shop[COURSE])
    assert add_voucher(client, coupon.code.lower()) == [f"Coupon code '{coupon.code}' added to basket."]
    basket = priced(basket, user)
    assert basket.total_excl_tax == Decimal("75.00")
    assert [voucher.code for voucher in basket.vouchers.all()] == [coupon.code]
    assert add_voucher(client, coupon.code) == [f"You have already added coupon code '{coupon.code}' to your basket."]


def test_otto_refuses_the_coupon_for_another_course(client, shop):
    coupon = a_coupon()
    user, basket = learner_with(client, shop[OTHER_COURSE])
    assert add_voucher(client, coupon.code) == [f"Basket does not qualify for coupon code {coupon.code}."]
    basket = priced(basket, user)
    assert list(basket.vouchers.all()) == [] and basket.total_excl_tax == Decimal("80.00")


def test_otto_refuses_a_used_single_use_coupon(client, shop):
    coupon = a_coupon(usage=Voucher.SINGLE_USE, max_uses=None)
    order_with(client, shop[COURSE], coupon.code)
    user, basket = learner_with(client, shop[COURSE])
    assert add_voucher(client, coupon.code) == [
        f"Coupon code '{coupon.code}' is not available. This coupon has already been used"
    ]
    assert priced(basket, user).total_excl_tax == Decimal("100.00")


def test_a_coupon_at_its_usage_limit_no_longer_qualifies(client, shop):
    coupon = a_coupon(max_uses=1)
    order_with(client, shop[COURSE], coupon.code)
    user, basket = learner_with(client, shop[COURSE])
    assert add_voucher(client, coupon.code) == [f"Basket does not qualify for coupon code {coupon.code}."]
    assert priced(basket, user).total_excl_tax == Decimal("100.00")


def test_the_coupon_offer_has_otto_voucher_priority_and_wins_over_a_site_offer(client, shop):
    coupon = a_coupon()
    voucher, products = get_voucher_and_products_from_code(coupon.code)
    assert best_offer(voucher).priority == OFFER_PRIORITY_VOUCHER
    assert [product.id for product in products] == [shop[COURSE].id]
    # An exclusive site offer at Otto's enterprise priority: Otto applies vouchers (20) before it,
    # so the coupon still discounts; at Oscar's default priority (0) it came after and never applied.
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    ConditionalOffer.objects.create(
        name="Site ten percent", offer_type=ConditionalOffer.SITE, priority=OFFER_PRIORITY_ENTERPRISE, exclusive=True,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=Decimal("10")),
    )
    user, basket = learner_with(client, shop[COURSE])
    assert priced(basket, user).total_excl_tax == Decimal("90.00")
    assert add_voucher(client, coupon.code) == [f"Coupon code '{coupon.code}' added to basket."]
    assert priced(basket, user).total_excl_tax == Decimal("75.00")
