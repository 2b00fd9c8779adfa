"""
The dynamic-discount offer on the basket: the seat is discounted only by a token that verifies for
the basket's owner and seat; anything else leaves the full price and says why.
"""
from decimal import Decimal

import pytest
from django.conf import settings
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout
from ecommerce_plugin.checkout.data import CheckoutContext
from ecommerce_plugin.discounts import errors
from ecommerce_plugin.discounts.models import DiscountRedemption, discount_amount
from ecommerce_plugin.discounts.offer import BENEFIT_PROXY, CONDITION_PROXY, OFFER_SLUG

from . import lms_tokens as t

ConditionalOffer = get_model("offer", "ConditionalOffer")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("discount_offer", "signing_mode")]


def priced(basket, user, token=None):
    params = {} if token is None else {"discount_jwt": token}
    return checkout.prepare_basket(basket, CheckoutContext(user=user, params=params))


@pytest.fixture
def basket(learner, verified_seat):
    return checkout.add_skus_to_basket(learner, [verified_seat.sku])


def test_the_data_migration_created_the_offer_with_proxy_classes():
    offer = ConditionalOffer.objects.get(slug=OFFER_SLUG)
    assert (offer.condition.proxy_class, offer.benefit.proxy_class) == (CONDITION_PROXY, BENEFIT_PROXY)
    assert offer.offer_type == ConditionalOffer.SITE and offer.is_available()


def test_a_valid_token_discounts_the_seat(basket, learner):
    assert priced(basket, learner, t.lms_token()).total_excl_tax == Decimal("41.65")  # 49.00 - 15 %


def test_without_a_token_the_price_is_full(basket, learner):
    assert priced(basket, learner).total_excl_tax == Decimal("49.00")


@pytest.mark.parametrize(
    "make",
    [
        lambda: t.lms_token(username="mallory"),
        lambda: t.lms_token(course_key="course-v1:edX+Other+2026"),
        lambda: t.lms_token(exp=1),
        t.signed_by_another_key,
        lambda: t.lms_token(iss="https://evil.example/oauth2"),
        lambda: t.lms_token(discount_percent=0),
        lambda: t.lms_token(discount_percent=150),
        lambda: t.lms_token(discount_applicable=False),
        t.alg_none,
        t.hs256_with_public_key,
        lambda: t.hs256_with_secret("a-secret-the-attacker-made-up-for-this"),
        t.user_jwt,
        t.tampered_percent,
        lambda: "garbage",
    ],
    ids=["wrong-user", "wrong-course", "expired", "bad-signature", "wrong-issuer", "percent-0", "percent-150",
         "not-applicable", "alg-none", "hs-rs-confusion", "hs256-made-up-secret", "user-jwt", "tampered-percent", "garbage"],
)
def test_anything_else_leaves_the_full_price(basket, learner, make):
    assert priced(basket, learner, make()).total_excl_tax == Decimal("49.00")


def test_a_jti_used_by_another_basket_leaves_the_full_price(basket, learner):
    token = t.lms_token(jti="used-once")
    DiscountRedemption.objects.create(
        jti="used-once", basket_id=basket.id + 1000, username="learner", course_key=t.DEMO_COURSE, percent=15, claims={}
    )
    assert priced(basket, learner, token).total_excl_tax == Decimal("49.00")


def test_a_basket_with_two_seats_gets_no_dynamic_discount(learner, make_seat):
    first, second = make_seat(), make_seat(course_key="course-v1:edX+Two+2026", sku="VERI-TWO")
    basket = checkout.add_skus_to_basket(learner, [first.sku, second.sku])
    assert priced(basket, learner, t.lms_token()).total_excl_tax == Decimal("49.00") * 2


def test_the_percentage_comes_from_the_token(basket, learner):
    assert priced(basket, learner, t.lms_token(discount_percent=100)).total_excl_tax == Decimal("0.00")
    basket.reset_offer_applications()
    assert priced(basket, learner, t.lms_token(discount_percent=50)).total_excl_tax == Decimal("24.50")


@pytest.mark.parametrize(
    ("price", "percent", "discount"),
    [
        ("10.10", 15, "1.52"),  # 1.515: half-up, where Oscar's own rounding (down) gives 1.51
        ("0.10", 5, "0.01"),  # 0.005
        ("0.10", 4, "0.00"),  # 0.004
        ("99.99", 33, "33.00"),  # 32.9967
        ("49.00", 100, "49.00"),
    ],
)
def test_the_discount_is_rounded_half_up_to_cents(price, percent, discount):
    assert discount_amount(Decimal(price), Decimal(percent)) == Decimal(discount)


def test_rounding_half_up_on_a_real_basket(learner, make_seat):
    seat = make_seat(price="10.10", sku="VERI-1010")
    basket = checkout.add_skus_to_basket(learner, [seat.sku])
    assert priced(basket, learner, t.lms_token()).total_excl_tax == Decimal("8.58")


def test_only_the_seat_line_is_discounted(basket, learner):
    priced(basket, learner, t.lms_token())
    line = basket.all_lines()[0]
    assert line.discount_value == Decimal("7.35")


# --- the basket page ------------------------------------------------------------------------------


@pytest.fixture
def page(client, learner, basket):
    client.force_login(learner)

    def get(query=""):
        response = client.get(f"/basket/{query}", follow=True)
        # A token in the URL is moved to the session and the browser sent to the clean URL.
        assert all("discount_jwt" not in url for url, _status in response.redirect_chain)
        assert "discount_jwt" not in response.request["QUERY_STRING"]
        return response

    return get


def test_the_page_shows_the_discounted_price_and_says_so(page):
    response = page(f"?discount_jwt={t.lms_token()}")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-state="applied"' in content
    assert "Pay $41.65" in content


def test_the_page_without_token_asks_the_lms_for_one(page):
    content = page().content.decode()
    assert 'data-state="ask"' in content
    assert f'data-endpoint="{settings.COMMERCE_LMS_URL_ROOT}/api/discounts/v2/course/{t.DEMO_COURSE}"' in content
    assert "ecommerce_plugin/discounts/basket_discount.js" in content
    assert "Pay $49.00" in content


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: t.lms_token(username="mallory"), errors.WRONG_USER),
        (lambda: t.lms_token(exp=1), errors.TOKEN_EXPIRED),
        (t.tampered_percent, errors.TOKEN_INVALID),
        (t.user_jwt, errors.TOKEN_WRONG_AUDIENCE),
    ],
)
def test_a_refused_token_shows_the_reason_and_the_full_price(page, make, code):
    response = page(f"?discount_jwt={make()}")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-state="refused"' in content and f'data-code="{code}"' in content
    assert errors.MESSAGES[code].replace("'", "&#x27;") in content
    assert "Pay $49.00" in content
