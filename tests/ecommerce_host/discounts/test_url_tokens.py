"""
The discount token stays out of URLs (access logs): the basket page's script posts it, a link that
carries it is redirected to the clean URL, and basket and payment read it from the session.
"""
from decimal import Decimal

import pytest

from ecommerce_plugin.checkout import api as checkout
from ecommerce_plugin.discounts.models import DiscountRedemption
from ecommerce_plugin.discounts.url_tokens import SESSION_KEY

from . import lms_tokens as t

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("discount_offer", "signing_mode")]

TOKEN_URL = "/commerce/discounts/token/"


@pytest.fixture
def basket(learner, verified_seat):
    return checkout.add_skus_to_basket(learner, [verified_seat.sku])


@pytest.fixture
def web(client, learner, basket):
    client.force_login(learner)
    return client


def test_a_link_with_the_token_is_redirected_to_the_clean_url_with_the_token_in_the_session(web):
    token = t.lms_token()
    response = web.get(f"/basket/?discount_jwt={token}&utm_source=lms")
    assert (response.status_code, response["Location"]) == (302, "/basket/?utm_source=lms")
    assert web.session[SESSION_KEY] == {t.DEMO_COURSE: token}
    page = web.get(response["Location"]).content.decode()
    assert 'data-state="applied"' in page and "Pay $41.65" in page


def test_the_basket_add_link_keeps_its_skus_and_loses_the_token(web, verified_seat):
    response = web.get(f"/basket/add/?sku={verified_seat.sku}&discount_jwt={t.lms_token()}")
    assert (response.status_code, response["Location"]) == (302, f"/basket/add/?sku={verified_seat.sku}")


def test_the_script_posts_the_token_and_the_page_is_discounted(web):
    assert web.post(TOKEN_URL, {"discount_jwt": t.lms_token()}).status_code == 204
    page = web.get("/basket/").content.decode()
    assert 'data-state="applied"' in page and "Pay $41.65" in page


def test_the_page_gives_its_script_where_to_post_the_token(web):
    page = web.get("/basket/").content.decode()
    assert f'data-token-url="{TOKEN_URL}"' in page
    assert 'data-csrf=""' not in page


@pytest.mark.parametrize("token", ["garbage", "", "a.b.c"])
def test_a_token_that_names_no_course_is_not_kept(web, token):
    assert web.post(TOKEN_URL, {"discount_jwt": token}).status_code == 400
    assert SESSION_KEY not in web.session


def test_only_a_signed_in_learner_can_hand_a_token_over(client):
    response = client.post(TOKEN_URL, {"discount_jwt": t.lms_token()})
    assert response.status_code == 302 and "login" in response["Location"]
    assert SESSION_KEY not in client.session


def test_a_token_kept_for_another_course_does_not_touch_this_basket(web):
    web.post(TOKEN_URL, {"discount_jwt": t.lms_token(course_key="course-v1:edX+Other+2026")})
    page = web.get("/basket/").content.decode()
    assert 'data-state="ask"' in page and "Pay $49.00" in page


def test_the_pay_form_pays_the_discounted_price_from_the_session_and_forgets_the_token(web, basket):
    web.post(TOKEN_URL, {"discount_jwt": t.lms_token(jti="from-the-session")})
    response = web.post("/commerce/checkout/pay/", {"basket_id": basket.id, "discount_jwt": ""}, follow=True)
    assert response.status_code == 200
    redemption = DiscountRedemption.objects.get(jti="from-the-session")
    assert redemption.order.total_incl_tax == Decimal("41.65")
    assert t.DEMO_COURSE not in (web.session.get(SESSION_KEY) or {})
