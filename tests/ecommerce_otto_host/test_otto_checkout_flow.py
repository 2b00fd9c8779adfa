"""
The plugin's checks in front of Otto's own payment flow (ADR 0018), on the Otto-faithful sandbox:
Otto's ``/basket/add/``, its per-request offers, the payment MFE's BFF and Stripe checkout, free
checkout and ``EdxOrderPlacementMixin``, with the Stripe stand-in as the only mock (the gateway).
"""
import threading
from decimal import Decimal

import crum
import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from ecommerce.courses.models import Course
from ecommerce.extensions.payment import stripe_standin
from ecommerce.extensions.payment.models import PaymentProcessorResponse
from ecommerce.tests.factories import SiteConfigurationFactory, UserFactory
from ecommerce_host.discounts import lms_tokens
from oscar.core.loading import get_model
from otto_host.test_plugin_in_otto import otto_seat_class  # noqa: F401  (fixture)
from waffle.models import Flag

from ecommerce_plugin.checkout import otto, steps
from ecommerce_plugin.checkout.data import CheckoutContext
from ecommerce_plugin.checkout.models import PaymentAttempt
from ecommerce_plugin.checkout.otto import ENDPOINTS
from ecommerce_plugin.discounts import errors as discount_errors
from ecommerce_plugin.discounts.models import DiscountRedemption
from ecommerce_plugin.discounts.offer import OTTO_OFFER_NAME, ensure_dynamic_discount_offer

Basket = get_model("basket", "Basket")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Order = get_model("order", "Order")

COURSE = "course-v1:edX+DemoX+Demo_Course"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_gateway():
    stripe_standin.reset()
    steps._load.cache_clear()
    yield
    stripe_standin.reset()
    steps._load.cache_clear()


@pytest.fixture
def site_configuration(db):
    """The site the test client's requests are on (``SITE_ID``), configured as Otto's sites are."""
    return SiteConfigurationFactory(site=Site.objects.get(id=settings.SITE_ID), lms_url_root="http://lms.otto.test")


@pytest.fixture
def discount_offer(db):
    """Otto's ``dynamic_conditional_offer`` rows (its offer migration 0025), re-pointed by the plugin."""
    if not ConditionalOffer.objects.filter(name=OTTO_OFFER_NAME).exists():
        ConditionalOffer.objects.create(
            name=OTTO_OFFER_NAME, max_basket_applications=1, priority=-10,
            condition=Condition.objects.create(
                proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer.DynamicDiscountCondition"),
            benefit=Benefit.objects.create(
                value=1, proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer."
                                     "DynamicPercentageDiscountBenefit"),
        )
    Flag.objects.update_or_create(name="offer.dynamic_discount", defaults={"everyone": True})
    return ensure_dynamic_discount_offer()


@pytest.fixture
def seat(site_configuration, otto_seat_class):  # noqa: F811
    course = Course.objects.create(id=COURSE, name="Demonstration Course", partner=site_configuration.partner,
                                   site=site_configuration.site)
    product = course.create_or_update_seat("verified", True, Decimal("49.00"))
    return product.stockrecords.get()


@pytest.fixture
def learner(db):
    return UserFactory(username="learner")


@pytest.fixture
def browser(learner):
    client = Client()
    client.force_login(learner)
    return client


def add_to_basket(browser, sku):
    response = browser.get(f"/basket/add/?sku={sku}")
    assert response.status_code == 303, response.content
    return response


def shown_total(browser, token=None):
    """What the payment MFE shows: the BFF's basket, fetched with the LMS's token as Otto's clients do."""
    response = browser.get("/bff/payment/v0/payment/", {"discount_jwt": token} if token else {})
    assert response.status_code == 200, response.content
    return Decimal(str(response.json()["order_total"])).quantize(Decimal("0.01"))


def stripe_intent(browser, card="4242424242424242"):
    """The MFE's capture context, then Stripe.js attaching the card in the browser."""
    context = browser.get("/bff/payment/v0/capture-context/").json()["capture_context"]
    intent_id = context["key_id"].removesuffix("_secret")
    stripe_standin.attach_card(intent_id, card)
    return intent_id


def stripe_checkout(browser, intent_id, sku):
    """The MFE's Stripe payment: no discount token in it (frontend-app-payment sends none)."""
    return browser.post("/payment/stripe/checkout/", {"payment_intent_id": intent_id, "skus": sku})


def cents(amount):
    return int(amount * 100)


def test_every_replicated_payment_endpoint_is_covered_by_name():
    """The pre-payment check matches Otto's URL names; those the sandbox replicates must resolve."""
    for name in ("stripe:checkout", "checkout:free-checkout"):
        assert name in ENDPOINTS
        assert reverse(name)


def test_otto_basket_add_fills_the_site_basket_and_refuses_a_seat_already_ordered(browser, learner, seat,
                                                                                     discount_offer):
    add_to_basket(browser, seat.partner_sku)
    basket = Basket.get_basket(learner, Site.objects.get(id=settings.SITE_ID))
    assert [line.stockrecord_id for line in basket.all_lines()] == [seat.id]
    intent_id = stripe_intent(browser)
    assert stripe_checkout(browser, intent_id, seat.partner_sku).status_code == 201
    # Otto's own guard (UserAlreadyPlacedOrder): the plugin adds none of its own on Otto.
    again = browser.get(f"/basket/add/?sku={seat.partner_sku}")
    assert again.status_code == 200 and b"You have already purchased these products" in again.content


def test_a_stripe_payment_charges_the_discount_the_learner_saw(browser, learner, seat, discount_offer):
    """
    Upstream, Stripe's payment carries no token and Otto charges full price; the token that
    verified on the basket is kept with it, so the charge is the price shown.
    """
    add_to_basket(browser, seat.partner_sku)
    token = lms_tokens.lms_token(username="learner", course_key=COURSE, discount_percent=15)
    assert shown_total(browser, token) == Decimal("41.65")
    assert shown_total(browser) == Decimal("41.65")  # the next page load has no token in its URL
    intent_id = stripe_intent(browser)

    response = stripe_checkout(browser, intent_id, seat.partner_sku)

    assert response.status_code == 201, response.content
    order = Order.objects.get(user=learner)
    assert response.json()["receipt_page_url"].endswith(f"order_number={order.number}&disable_back_button=1")
    assert order.total_incl_tax == Decimal("41.65")
    assert stripe_standin.captured == [(intent_id, cents(Decimal("41.65")))]
    assert order.sources.get().amount_debited == Decimal("41.65")
    assert DiscountRedemption.objects.get().order == order
    assert not PaymentAttempt.objects.exists()


def test_the_check_before_the_charge_costs_a_fixed_number_of_queries(browser, learner, seat, discount_offer):
    """
    Pinned: lock, attempt, pricing with the kept token, the jti claim; then the attempt's end (the
    claim and the attempt each deleted in one query, as on Otto, whose haystack sends no signals).
    """
    add_to_basket(browser, seat.partner_sku)
    shown_total(browser, lms_tokens.lms_token(username="learner", course_key=COURSE))
    intent_id = stripe_intent(browser)
    basket = Basket.objects.get(owner=learner, status=Basket.OPEN)
    request = RequestFactory().post("/payment/stripe/checkout/", {"payment_intent_id": intent_id})
    request.user, request.site = learner, Site.objects.get(id=settings.SITE_ID)
    context = CheckoutContext(user=learner, request=request)
    crum.set_current_request(request)
    try:
        with CaptureQueriesContext(connection) as checking:
            checked, ran = otto.begin(basket, context, "stripe:checkout")
        with CaptureQueriesContext(connection) as finishing:
            otto._finish(checked, context, ran)  # no order: the claim is released
    finally:
        crum.set_current_request(None)
    assert len(checking.captured_queries) == 29, "\n".join(q["sql"] for q in checking.captured_queries)
    assert len(finishing.captured_queries) == 5, "\n".join(q["sql"] for q in finishing.captured_queries)
    assert not DiscountRedemption.objects.exists() and not PaymentAttempt.objects.exists()


def test_a_kept_token_that_no_longer_verifies_refuses_the_payment_not_the_discount(browser, learner, seat,
                                                                                    discount_offer, settings):
    add_to_basket(browser, seat.partner_sku)
    assert shown_total(browser, lms_tokens.lms_token(username="learner", course_key=COURSE)) == Decimal("41.65")
    intent_id = stripe_intent(browser)
    settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE = "rotated-audience"  # the token no longer verifies

    response = stripe_checkout(browser, intent_id, seat.partner_sku)

    assert response.status_code == 400
    assert response.json()["error_code"] == discount_errors.DISCOUNT_CHANGED
    assert response.json()["user_message"]  # what frontend-app-payment shows
    assert stripe_standin.captured == [] and not Order.objects.exists()
    assert not DiscountRedemption.objects.exists() and not PaymentAttempt.objects.exists()
    # Forgotten: the reloaded page shows full price, and that is what is charged.
    assert shown_total(browser) == Decimal("49.00")
    intent_id = stripe_intent(browser)
    assert stripe_checkout(browser, intent_id, seat.partner_sku).status_code == 201
    assert stripe_standin.captured[-1][1] == cents(Decimal("49.00"))


def test_a_declined_card_releases_the_discount_claim(browser, learner, seat, discount_offer):
    add_to_basket(browser, seat.partner_sku)
    shown_total(browser, lms_tokens.lms_token(username="learner", course_key=COURSE))
    intent_id = stripe_intent(browser, card="4000000000000002")

    response = stripe_checkout(browser, intent_id, seat.partner_sku)

    assert response.status_code == 400 and response.json()["error_code"] == "card_declined"  # Otto's answer
    assert not Order.objects.exists() and stripe_standin.captured == []
    assert not DiscountRedemption.objects.exists() and not PaymentAttempt.objects.exists()


def test_a_v1_token_is_refused_by_default_and_bound_to_one_order_when_asked(browser, learner, seat,
                                                                            discount_offer, settings):
    """The platform's v1 endpoint (Otto's basket page and the MFE call it): no course_key, no jti."""
    add_to_basket(browser, seat.partner_sku)
    v1 = lms_tokens.lms_token(username="learner", aud=settings.JWT_AUTH["JWT_AUDIENCE"], course_key=..., jti=...)
    assert shown_total(browser, v1) == Decimal("49.00")

    settings.COMMERCE_DISCOUNTS_V1_TOKENS = "bind"
    assert shown_total(browser, v1) == Decimal("41.65")
    assert stripe_checkout(browser, stripe_intent(browser), seat.partner_sku).status_code == 201
    redemption = DiscountRedemption.objects.get()
    assert redemption.jti.startswith("v1-") and redemption.course_key == COURSE
    assert redemption.order.total_incl_tax == Decimal("41.65")


def test_only_the_plugin_token_is_taken_out_of_the_request_before_otto_views(settings):
    """
    Otto's ``process_totals`` decodes ``discount_jwt`` with its service decoder, which refuses the
    plugin's audience (its basket page and the MFE's BFF answered 500 in a real Otto): the plugin's
    token is moved out of GET and a form POST first; the platform's v1 token stays for Otto.
    """
    from django.http import HttpResponse  # noqa: PLC0415

    from ecommerce_plugin.discounts.otto import OttoDiscountTokenMiddleware, request_token  # noqa: PLC0415

    assert "ecommerce_plugin.discounts.otto.OttoDiscountTokenMiddleware" in settings.MIDDLEWARE
    seen = []
    middleware = OttoDiscountTokenMiddleware(lambda request: seen.append(request) or HttpResponse())
    token = lms_tokens.lms_token(username="learner", course_key=COURSE)
    v1 = lms_tokens.lms_token(username="learner", aud=settings.JWT_AUTH["JWT_AUDIENCE"], course_key=..., jti=...)
    middleware(RequestFactory().get("/bff/payment/v0/payment/", {"discount_jwt": token, "sku": "X"}))
    middleware(RequestFactory().post("/payment/stripe/submit/", {"discount_jwt": token, "basket": "1"}))
    middleware(RequestFactory().get("/basket/", {"discount_jwt": v1}))
    get, post, platform_v1 = seen
    assert (dict(get.GET), request_token(get)) == ({"sku": ["X"]}, token)
    assert (dict(post.POST), request_token(post)) == ({"basket": ["1"]}, token)
    assert (platform_v1.GET["discount_jwt"], request_token(platform_v1)) == (v1, None)


def test_otto_basket_page_shows_the_percentage_the_plugin_verified(browser, learner, seat, discount_offer):
    """Otto's basket page reads ``discount_percent``, which Otto's own decoder no longer finds."""
    from django.template.response import TemplateResponse  # noqa: PLC0415

    from ecommerce_plugin.discounts.otto import OttoDiscountTokenMiddleware  # noqa: PLC0415

    add_to_basket(browser, seat.partner_sku)
    assert shown_total(browser, lms_tokens.lms_token(username="learner", course_key=COURSE)) == Decimal("41.65")
    request = RequestFactory().get("/basket/")
    request.user = learner
    request.basket = Basket.get_basket(learner, Site.objects.get(id=settings.SITE_ID))
    response = TemplateResponse(request, "basket.html", {"discount_percent": None, "discount_jwt": None})
    crum.set_current_request(request)
    try:
        OttoDiscountTokenMiddleware(None).process_template_response(request, response)
    finally:
        crum.set_current_request(None)
    assert response.context_data == {"discount_percent": 15, "discount_jwt": None}


def test_a_free_checkout_runs_the_checks_too(browser, learner, seat, discount_offer):
    add_to_basket(browser, seat.partner_sku)
    token = lms_tokens.lms_token(username="learner", course_key=COURSE, discount_percent=100)
    assert shown_total(browser, token) == Decimal("0.00")

    response = browser.get("/checkout/free-checkout/")

    order = Order.objects.get(user=learner)
    assert response.status_code == 302 and f"order_number={order.number}" in response["Location"]
    assert order.total_incl_tax == 0 and DiscountRedemption.objects.get().order == order


def test_a_refused_free_checkout_goes_back_to_the_basket_page(browser, learner, seat, discount_offer, settings):
    add_to_basket(browser, seat.partner_sku)
    shown_total(browser, lms_tokens.lms_token(username="learner", course_key=COURSE, discount_percent=100))
    settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE = "rotated-audience"

    response = browser.get("/checkout/free-checkout/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('basket:summary')}?error_code={discount_errors.DISCOUNT_CHANGED}"
    assert not Order.objects.exists()


@pytest.mark.mariadb
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_payments_with_one_token_make_one_discounted_order(learner, seat, discount_offer):
    """Two tabs pay the same basket at once (the MFE's Stripe payment): one charge, one order."""
    tabs = [Client(), Client()]
    for tab in tabs:
        tab.force_login(learner)
    add_to_basket(tabs[0], seat.partner_sku)
    assert shown_total(tabs[0], lms_tokens.lms_token(username="learner", course_key=COURSE)) == Decimal("41.65")
    intent_id = stripe_intent(tabs[0])
    stripe_standin.confirm_delay = 0.5  # the gateway takes its time: the second tab arrives meanwhile
    start = threading.Barrier(2)
    answers = []

    def pay(tab):
        try:
            start.wait()
            response = stripe_checkout(tab, intent_id, seat.partner_sku)
            answers.append((response.status_code, response.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(tab,)) for tab in tabs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    statuses = sorted(status for status, _body in answers)
    assert statuses == [201, 400], answers
    refused = next(body for status, body in answers if status == 400)
    assert refused.get("error_code") in ("payment_in_progress", "payment_intent_unexpected_state"), refused
    order = Order.objects.get()
    assert order.total_incl_tax == Decimal("41.65")
    assert stripe_standin.captured == [(intent_id, cents(Decimal("41.65")))]
    assert DiscountRedemption.objects.get().order == order
    assert not PaymentAttempt.objects.exists()
    assert PaymentProcessorResponse.objects.filter(processor_name="stripe").count() == 1


MASTER = "course-v1:edX+CCX101+2026"


def module(n):
    return f"block-v1:edX+CCX101+2026+type@chapter+block@module_{n}"


@pytest.fixture
def ccx_course(site_configuration, monkeypatch):
    from ecommerce_plugin.ccx_purchases import api as ccx_api  # noqa: PLC0415
    from ecommerce_plugin.ccx_purchases import tasks  # noqa: PLC0415

    monkeypatch.setattr(tasks.sync_ccx_purchase, "delay", lambda *args, **kwargs: None)  # no LMS here
    return ccx_api.create_or_update_ccx_course(
        partner=site_configuration.partner, master_course_key=MASTER, title="Custom Courses 101",
        modules=[(module(n), f"Module {n}", Decimal(f"{n}.00")) for n in range(1, 4)],
    )


def pay_basket_with_stripe(browser):
    intent_id = stripe_intent(browser)
    return intent_id, browser.post("/payment/stripe/checkout/", {"payment_intent_id": intent_id})


def test_a_ccx_purchase_and_upgrade_go_through_otto_and_a_stale_quote_charges_nothing(browser, learner, ccx_course):
    from ecommerce_plugin.ccx_purchases import api as ccx_api  # noqa: PLC0415
    from ecommerce_plugin.ccx_purchases.models import CcxCourseModule, CcxPurchase  # noqa: PLC0415

    ccx_api.add_purchase_to_basket(learner, MASTER, [module(1), module(2)], 10, display_name="Fall")
    assert shown_total(browser) == Decimal("30.00")
    intent_id, response = pay_basket_with_stripe(browser)
    assert response.status_code == 201, response.content
    purchase = CcxPurchase.objects.get(user=learner)
    assert (purchase.seats, purchase.amount_paid, purchase.version) == (10, Decimal("30.00"), 1)

    # An upgrade quote (module 3 for the same 10 seats: 30 more), then the price of module 3 moves.
    ccx_api.add_upgrade_to_basket(learner, purchase.external_id, [module(1), module(2), module(3)], 10)
    assert shown_total(browser) == Decimal("30.00")
    CcxCourseModule.objects.filter(usage_key=module(3)).update(price_per_seat=Decimal("4.00"))
    captured_before = list(stripe_standin.captured)

    intent_id, response = pay_basket_with_stripe(browser)

    assert response.status_code == 400
    assert response.json()["error_code"] == "quote_stale" and response.json()["user_message"]
    assert stripe_standin.captured == captured_before  # nothing charged
    assert Order.objects.filter(user=learner).count() == 1
    purchase.refresh_from_db()
    assert (purchase.version, purchase.reserved_by_basket_id) == (1, None)
    assert not PaymentAttempt.objects.exists()
