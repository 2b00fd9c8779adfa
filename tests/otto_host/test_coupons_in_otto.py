"""
The plugin's coupons through Otto's own voucher path, inside a real Otto: its basket page's form
(``basket:vouchers-add``, ``VoucherAddView``), the payment MFE's (``bff:payment:v0:addvoucher``,
``VoucherAddApiView``; both ``VoucherAddLogicMixin``), the price API (``api:v2:baskets:calculate``)
and the coupon offer page (``coupons:offer``: ``get_voucher_and_products_from_code`` and
``voucher_is_valid``), over Otto's ``Voucher``, ``ConditionalOffer`` and ``Range`` forks. Otto
answers with its own messages; the plugin changes none of them.

Also Otto's own coupon tool (ADR 0024): it is Otto's staff's, and course staff cannot reach it.
"""
from datetime import timedelta
from decimal import Decimal

import crum
import pytest
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from ecommerce.tests.factories import UserFactory
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order
from otto_host.test_plugin_in_otto import _finance_admin, otto_seat_class, site_configuration  # noqa: F401

from ecommerce_plugin import platform
from ecommerce_plugin.coupons import api as coupons
from ecommerce_plugin.finance.models import CourseRole

Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")
BasketAttributeType = get_model("basket", "BasketAttributeType")
Product = get_model("catalogue", "Product")
Voucher = get_model("voucher", "Voucher")

pytestmark = pytest.mark.django_db

COURSE = "course-v1:edX+Coupons+2026"
OTHER_COURSE = "course-v1:edX+Other+2026"
PASSWORD = "edx-password"


@pytest.fixture(autouse=True)
def _otto_caches_cleared():
    """Otto's test cases clear its cache tiers around each test (ecommerce/tests/mixins.py); so do these."""
    from edx_django_utils.cache import TieredCache  # noqa: PLC0415

    TieredCache.dangerous_clear_all_tiers()
    yield
    TieredCache.dangerous_clear_all_tiers()


@pytest.fixture
def seats(site_configuration, otto_seat_class, monkeypatch):  # noqa: F811
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: None)
    # Otto's basket migrations make this type; the suite builds its tables without migrations.
    BasketAttributeType.objects.get_or_create(name="bundle_identifier")
    # Otto's basket page and the BFF ask the catalog for the course's image; there is none here.
    monkeypatch.setattr("ecommerce.extensions.basket.views.get_course_info_from_catalog", lambda site, product: {})
    # Otto asks the LMS whether the learner activated their account (the site requires it): they did.
    monkeypatch.setattr("ecommerce.core.models.User.account_details", lambda user, request: {"is_active": True})
    made = {}
    for course_key, price in ((COURSE, Decimal("100.00")), (OTHER_COURSE, Decimal("80.00"))):
        seat = platform.create_or_update_seat(
            partner=site_configuration.partner, course_key=course_key, course_title=course_key,
            certificate_type="verified", price=price, id_verification_required=True,
        )
        made[course_key] = Product.objects.get(id=seat.product_id)
    return made


def a_coupon(**kwargs):
    kwargs.setdefault("percentage", Decimal("25"))
    kwargs.setdefault("max_uses", 5)
    return coupons.create_coupon(
        _finance_admin(COURSE), course_key=COURSE, end_datetime=timezone.now() + timedelta(days=7), **kwargs
    )


def learner_with(site_configuration, client, product):  # noqa: F811
    user = UserFactory(password=PASSWORD)
    basket = Basket.get_basket(user, site_configuration.site)
    basket.add_product(product)
    client.login(username=user.username, password=PASSWORD)
    return user, basket


def add_voucher(client, site_configuration, code):  # noqa: F811
    """Otto's basket page form; returns the messages Otto left for the learner."""
    response = client.post(reverse("basket:vouchers-add"), {"code": code}, SERVER_NAME=site_configuration.site.domain)
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def otto_request(site_configuration, user):  # noqa: F811
    request = RequestFactory().get("/", SERVER_NAME=site_configuration.site.domain)
    request.user, request.site = user, site_configuration.site
    request.strategy = get_class("partner.strategy", "Selector")().strategy(user=user, request=request)
    return request


def priced(basket, user):
    """The basket as Otto's BasketMiddleware prices it for its owner's next request."""
    basket = Basket.objects.get(id=basket.id)
    basket.strategy = get_class("partner.strategy", "Selector")().strategy(user=user)
    request = RequestFactory().get("/", SERVER_NAME=basket.site.domain)
    request.user, request.site = user, basket.site
    crum.set_current_request(request)
    try:
        Applicator().apply(basket, user, request)
    finally:
        crum.set_current_request(None)
    return basket


def place_an_order_with(site_configuration, client, product, code):  # noqa: F811
    """A learner's order with the coupon, as Oscar's order placement (Otto's too) records its use."""
    user, basket = learner_with(site_configuration, client, product)
    assert add_voucher(client, site_configuration, code) == [f"Coupon code '{code}' added to basket."]
    basket = priced(basket, user)
    create_order(basket=basket, user=user)
    client.logout()


def test_a_plugin_coupon_is_added_by_otto_basket_form_and_discounts_the_seat(site_configuration, client, seats):  # noqa: F811
    coupon = a_coupon()
    user, basket = learner_with(site_configuration, client, seats[COURSE])
    assert add_voucher(client, site_configuration, coupon.code.lower()) == [
        f"Coupon code '{coupon.code}' added to basket."
    ]
    basket = priced(basket, user)
    assert [voucher.code for voucher in basket.vouchers.all()] == [coupon.code]
    assert basket.total_excl_tax == Decimal("75.00")
    (discount,) = basket.offer_discounts + basket.voucher_discounts
    assert discount["voucher"].code == coupon.code and discount["discount"] == Decimal("25.00")


def test_otto_refuses_a_plugin_coupon_for_another_course_with_its_message(site_configuration, client, seats):  # noqa: F811
    coupon = a_coupon()
    user, basket = learner_with(site_configuration, client, seats[OTHER_COURSE])
    assert add_voucher(client, site_configuration, coupon.code) == [
        f"Basket does not qualify for coupon code {coupon.code}."
    ]
    basket = priced(basket, user)
    assert list(basket.vouchers.all()) == [] and basket.total_excl_tax == Decimal("80.00")


def test_a_single_use_coupon_is_refused_by_otto_once_used(site_configuration, client, seats):  # noqa: F811
    coupon = a_coupon(usage=Voucher.SINGLE_USE, max_uses=None)
    place_an_order_with(site_configuration, client, seats[COURSE], coupon.code)
    user, basket = learner_with(site_configuration, client, seats[COURSE])
    assert add_voucher(client, site_configuration, coupon.code) == [
        f"Coupon code '{coupon.code}' is not available. This coupon has already been used"
    ]
    assert priced(basket, user).total_excl_tax == Decimal("100.00")


def test_a_coupon_at_its_usage_limit_no_longer_discounts_on_otto(site_configuration, client, seats):  # noqa: F811
    coupon = a_coupon(max_uses=1)
    place_an_order_with(site_configuration, client, seats[COURSE], coupon.code)
    assert coupons.list_coupons(_finance_admin(COURSE), COURSE)[0].times_used == 1
    user, basket = learner_with(site_configuration, client, seats[COURSE])
    # Otto's validate_voucher does not read the offer's limit; its Applicator finds the offer used up.
    assert add_voucher(client, site_configuration, coupon.code) == [
        f"Basket does not qualify for coupon code {coupon.code}."
    ]
    assert priced(basket, user).total_excl_tax == Decimal("100.00")
    # Otto's coupon offer and redeem pages (voucher_is_valid) say so in their own words.
    from ecommerce.coupons.views import voucher_is_valid  # noqa: PLC0415
    from ecommerce.extensions.voucher.utils import get_voucher_and_products_from_code  # noqa: PLC0415

    voucher, products = get_voucher_and_products_from_code(coupon.code)
    assert voucher_is_valid(voucher, products, otto_request(site_configuration, user)) == (
        False, "This coupon code is no longer available.", False
    )


def test_the_payment_mfe_voucher_api_adds_and_refuses_plugin_coupons(site_configuration, client, seats):  # noqa: F811
    coupon = a_coupon()
    user, basket = learner_with(site_configuration, client, seats[COURSE])
    response = client.post(reverse("bff:payment:v0:addvoucher"), {"code": coupon.code}, content_type="application/json",
                           SERVER_NAME=site_configuration.site.domain)
    assert response.status_code == 200, response.content
    assert [(message["message_type"], message["user_message"]) for message in response.json()["messages"]] == [
        ("info", f"Coupon code '{coupon.code}' added to basket.")
    ]
    assert [coupon_row["code"] for coupon_row in response.json()["coupons"]] == [coupon.code]
    assert Decimal(str(response.json()["order_total"])) == Decimal("75.00")

    other_user, other_basket = learner_with(site_configuration, client, seats[OTHER_COURSE])
    response = client.post(reverse("bff:payment:v0:addvoucher"), {"code": coupon.code}, content_type="application/json",
                           SERVER_NAME=site_configuration.site.domain)
    assert response.status_code == 200, response.content  # Otto's answer to a warning
    assert [(message["message_type"], message["user_message"]) for message in response.json()["messages"]] == [
        ("warning", f"Basket does not qualify for coupon code {coupon.code}.")
    ]
    assert response.json()["coupons"] == [] and Decimal(str(response.json()["order_total"])) == Decimal("80.00")


def test_otto_price_api_prices_a_seat_with_a_plugin_coupon(site_configuration, client, seats):  # noqa: F811
    coupon = a_coupon()
    user = UserFactory(password=PASSWORD)
    client.login(username=user.username, password=PASSWORD)
    for product, total in ((seats[COURSE], "75.00"), (seats[OTHER_COURSE], "80.00")):
        response = client.get(reverse("api:v2:baskets:calculate"),
                              {"sku": product.stockrecords.get().partner_sku, "code": coupon.code},
                              SERVER_NAME=site_configuration.site.domain)
        assert response.status_code == 200, response.content
        assert Decimal(str(response.json()["total_incl_tax"])) == Decimal(total)


def test_the_coupon_offer_is_made_as_otto_makes_its_vouchers_offers(site_configuration, client, seats):  # noqa: F811
    from ecommerce.extensions.offer.models import OFFER_PRIORITY_VOUCHER  # noqa: PLC0415
    from ecommerce.extensions.voucher.utils import get_voucher_and_products_from_code  # noqa: PLC0415

    coupon = a_coupon()
    voucher, products = get_voucher_and_products_from_code(coupon.code)
    assert voucher.best_offer == voucher.original_offer
    assert [product.id for product in products] == [seats[COURSE].id]
    offer = voucher.best_offer
    assert (offer.priority, offer.partner) == (OFFER_PRIORITY_VOUCHER, site_configuration.partner)
    assert offer.email_domains is None and offer.benefit.range.catalog is None
    assert offer.benefit.range.catalog_query is None and offer.benefit.range.enterprise_customer is None


def test_the_coupon_applies_before_an_exclusive_enterprise_priority_site_offer(site_configuration, client, seats):  # noqa: F811
    """Otto applies voucher offers (priority 20) before enterprise ones (10); at Oscar's 0 the coupon never applied."""
    from ecommerce.extensions.offer.models import OFFER_PRIORITY_ENTERPRISE  # noqa: PLC0415

    Benefit, Condition = get_model("offer", "Benefit"), get_model("offer", "Condition")  # noqa: N806
    ConditionalOffer, Range = get_model("offer", "ConditionalOffer"), get_model("offer", "Range")  # noqa: N806
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    ConditionalOffer.objects.create(
        name="Site ten percent", offer_type=ConditionalOffer.SITE, priority=OFFER_PRIORITY_ENTERPRISE, exclusive=True,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=Decimal("10")),
    )
    coupon = a_coupon()
    user, basket = learner_with(site_configuration, client, seats[COURSE])
    assert priced(basket, user).total_excl_tax == Decimal("90.00")
    assert add_voucher(client, site_configuration, coupon.code) == [f"Coupon code '{coupon.code}' added to basket."]
    assert priced(basket, user).total_excl_tax == Decimal("75.00")


def test_otto_refuses_the_coupon_on_another_partner_site(site_configuration, client, seats):  # noqa: F811
    from ecommerce.tests.factories import SiteConfigurationFactory  # noqa: PLC0415

    coupon = a_coupon()
    elsewhere = SiteConfigurationFactory(lms_url_root="http://lms.elsewhere.test")
    user, basket = learner_with(elsewhere, client, seats[COURSE])
    assert add_voucher(client, elsewhere, coupon.code) == [f"Coupon code '{coupon.code}' is not valid for this basket."]


def test_course_staff_cannot_reach_otto_coupon_tool(site_configuration, client, seats):  # noqa: F811
    """ADR 0024: Otto's coupon tool is for Otto's staff (``is_staff``); the plugin's course roles do not open it."""
    from django.http import Http404  # noqa: PLC0415
    from ecommerce.coupons.views import CouponAppView  # noqa: PLC0415

    staff = UserFactory(password=PASSWORD, is_staff=False)
    CourseRole.objects.create(user=staff, course_key=COURSE, role=CourseRole.STAFF)
    client.login(username=staff.username, password=PASSWORD)
    response = client.post(reverse("api:v2:coupons-list"), {"title": "Half off", "benefit_value": 50},
                           content_type="application/json", SERVER_NAME=site_configuration.site.domain)
    assert response.status_code == 403
    # Otto's coupon app page (``/coupons/``): its StaffOnlyMixin answers 404 to anyone not is_staff.
    with pytest.raises(Http404):
        CouponAppView.as_view()(otto_request(site_configuration, staff))
