"""
Payment carries ``discount_jwt``; it is verified again and claimed before the charge, the order keeps
the token's jti and claims, and a token discounts one order only. Anything else: full price, no 5xx.
"""
from decimal import Decimal

import pytest
from django.conf import settings
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from ecommerce_plugin.checkout import api as checkout
from ecommerce_plugin.checkout import steps
from ecommerce_plugin.checkout.data import CheckoutContext
from ecommerce_plugin.discounts import api, errors
from ecommerce_plugin.discounts.models import DiscountRedemption
from ecommerce_plugin.discounts.steps import LmsDiscountStep

from . import lms_tokens as t

Order = get_model("order", "Order")
CHECKOUT_URL = "/api/commerce/v1/checkout/"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("discount_offer", "signing_mode")]


@pytest.fixture(autouse=True)
def _fresh_steps():
    steps._load.cache_clear()
    yield
    steps._load.cache_clear()


@pytest.fixture
def client(learner):
    client = APIClient()
    client.force_authenticate(learner)
    return client


@pytest.fixture
def new_basket(learner, verified_seat):
    return lambda: checkout.add_skus_to_basket(learner, [verified_seat.sku])


def pay(client, basket, token=None, card="4111111111111111"):
    payload = {"basket_id": basket.id, "card_number": card}
    if token is not None:
        payload["discount_jwt"] = token
    return client.post(CHECKOUT_URL, payload, format="json")


def test_the_step_is_configured():
    assert "ecommerce_plugin.discounts.steps.LmsDiscountStep" in settings.COMMERCE_CHECKOUT_STEPS


def test_a_valid_token_discounts_the_order_and_the_order_keeps_its_jti_and_claims(client, new_basket):
    token = t.lms_token(jti="jti-1")
    response = pay(client, new_basket(), token)
    assert response.status_code == 201, response.json()
    assert Decimal(response.json()["total_incl_tax"]) == Decimal("41.65")
    order = Order.objects.get(number=response.json()["order_number"])
    redemption = api.redemption_for_order(order)
    assert (redemption.jti, redemption.username, redemption.course_key) == ("jti-1", "learner", t.DEMO_COURSE)
    assert redemption.percent == 15
    assert redemption.claims["discount_percent"] == 15 and redemption.claims["jti"] == "jti-1"
    assert order.total_discount_incl_tax == Decimal("7.35")


def test_a_token_discounts_one_order_only(client, new_basket):
    token = t.lms_token(jti="jti-replayed")
    assert Decimal(pay(client, new_basket(), token).json()["total_incl_tax"]) == Decimal("41.65")
    # The first seat could not be enrolled and staff refunded it; the learner may pay for it again.
    Order.objects.get().lines.update(status="Refunded")
    second = pay(client, new_basket(), token)
    assert second.status_code == 201
    assert Decimal(second.json()["total_incl_tax"]) == Decimal("49.00")
    assert DiscountRedemption.objects.filter(jti="jti-replayed").count() == 1


@pytest.mark.parametrize(
    "make",
    [
        lambda: t.lms_token(username="mallory"),
        lambda: t.lms_token(course_key="course-v1:edX+Other+2026"),
        lambda: t.lms_token(exp=1),
        t.signed_by_another_key,
        lambda: t.lms_token(iss="https://evil.example/oauth2"),
        lambda: t.lms_token(discount_percent=0),
        lambda: t.lms_token(discount_percent=101),
        t.alg_none,
        t.hs256_with_public_key,
        lambda: t.hs256_with_secret("a-secret-the-attacker-made-up-for-this"),
        t.user_jwt,
        t.tampered_percent,
        lambda: "garbage",
        lambda: "",
    ],
    ids=["wrong-user", "wrong-course", "expired", "bad-signature", "wrong-issuer", "percent-0", "percent-101",
         "alg-none", "hs-rs-confusion", "hs256-made-up-secret", "user-jwt", "tampered-percent", "garbage", "empty"],
)
def test_anything_else_is_charged_the_full_price_without_a_server_error(client, new_basket, make):
    response = pay(client, new_basket(), make())
    assert response.status_code == 201, response.content
    assert Decimal(response.json()["total_incl_tax"]) == Decimal("49.00")
    assert not DiscountRedemption.objects.exists()


def test_payment_verifies_the_token_again_rather_than_trusting_the_basket_page(client, learner, new_basket):
    basket = new_basket()
    shown = checkout.prepare_basket(basket, CheckoutContext(user=learner, params={"discount_jwt": t.lms_token()}))
    assert shown.total_excl_tax == Decimal("41.65")
    # The page showed a discount; the payment arrives with a token that expired meanwhile.
    response = pay(client, basket, t.lms_token(exp=1))
    assert Decimal(response.json()["total_incl_tax"]) == Decimal("49.00")


def test_a_declined_charge_releases_the_token_for_the_next_attempt(client, new_basket):
    basket, token = new_basket(), t.lms_token(jti="jti-declined")
    assert pay(client, basket, token, card="4000000000000002").status_code == 402
    assert not DiscountRedemption.objects.exists()
    retry = pay(client, basket, token)
    assert Decimal(retry.json()["total_incl_tax"]) == Decimal("41.65")


def test_losing_the_race_for_a_jti_reprices_the_basket_before_the_charge(learner, new_basket):
    basket, token = new_basket(), t.lms_token(jti="jti-race")
    context = CheckoutContext(user=learner, params={"discount_jwt": token})
    assert checkout.prepare_basket(basket, context).total_excl_tax == Decimal("41.65")
    # Another basket claimed the same jti between this basket's pricing and its checkout step.
    DiscountRedemption.objects.create(
        jti="jti-race", basket_id=basket.id + 1000, username="learner", course_key=t.DEMO_COURSE, percent=15, claims={}
    )
    LmsDiscountStep().prepare(basket, context)
    assert basket.total_excl_tax == Decimal("49.00")
    assert api.verdict_for_basket(basket).refusal.error_code == errors.ALREADY_USED


def test_the_pay_form_tells_the_learner_why_the_full_price_was_charged(client, learner, new_basket):
    from django.test import Client  # noqa: PLC0415

    web = Client()
    web.force_login(learner)
    basket = new_basket()
    response = web.post(
        "/commerce/checkout/pay/",
        {"basket_id": basket.id, "card_number": "4111111111111111", "discount_jwt": t.lms_token(username="mallory")},
        follow=True,
    )
    assert response.status_code == 200
    assert errors.MESSAGES[errors.WRONG_USER] in [str(message) for message in response.context["messages"]]
    assert Order.objects.get(basket_id=basket.id).total_incl_tax == Decimal("49.00")
