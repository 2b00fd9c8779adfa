"""
The basket page in a real browser, with both sandbox hosts on localhost: the sandbox LMS served by
gunicorn (its own SQLite database, prepared here) and this suite's ecommerce live server.

Both hosts are on ``localhost`` on different ports: one site for the browser (ports do not make a
site), so the LMS session cookie (SameSite=Lax) goes with the page's credentialed fetch, and the
hosts' cookie names differ (``sessionid`` vs ``ecommerce_sessionid``) because cookies ignore ports.
The LMS runs with its production settings (``lms.envs.production``, the operator's YAML in
``LMS_CFG``), so the allowed ecommerce origin and the JWT signing mode come from YAML, as an
operator sets them.
"""
import json
from decimal import Decimal

import jwt
import pytest
import requests
from oscar.core.loading import get_model

from ecommerce_plugin.discounts.models import DiscountRedemption
from support.browser import seeded_lms, session_cookie

from .lms_tokens import DEMO_COURSE

Order = get_model("order", "Order")

SEED_LMS = f"""
from datetime import timedelta
from django.contrib.auth.models import User
from django.utils import timezone
from waffle.models import Flag
from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

now = timezone.now()
for key in ("{DEMO_COURSE}", "course-v1:edX+Bought+2026"):
    course = CourseKey.from_string(key)
    CourseOverview.objects.create(id=course, org=course.org, display_name=key, start=now - timedelta(days=5),
                                  end=now + timedelta(days=90))
    CourseMode.objects.create(course_id=course, mode_slug="audit", mode_display_name="Audit")
    CourseMode.objects.create(course_id=course, mode_slug="verified", mode_display_name="Verified", min_price=49,
                              _expiration_datetime=now + timedelta(days=30))
Flag.objects.create(name="commerce_discounts.enable_discounting", everyone=True)
for username in ("learner", "returning"):
    user = User.objects.create_user(username, f"{{username}}@example.com", "edx")
    CourseEnrollment.objects.create(user=user, course_id=CourseKey.from_string("{DEMO_COURSE}"), mode="audit")
returning = User.objects.get(username="returning")
# Already bought a certificate elsewhere: the first-purchase rule makes this learner ineligible.
CourseEnrollment.objects.create(user=returning, course_id=CourseKey.from_string("course-v1:edX+Bought+2026"),
                                mode="verified")
"""


@pytest.fixture
def lms(request, tmp_path, live_server, settings):
    """
    The sandbox LMS on a free port, with the learners, the course and the discount flag; it signs
    HS256 (the platform's default) unless the test asks for ``"asymmetric"`` (then the shop refuses
    symmetric tokens, as an operator hardening that deployment would set it).
    """
    signing = getattr(request, "param", "symmetric")
    settings.COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS = signing == "symmetric"
    config = tmp_path / "lms.yml"
    config.write_text(json.dumps({  # JSON is YAML
        "COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS": [localhost(live_server.url)],
        "JWT_AUTH_FORCE_CREATE_ASYMMETRIC": signing == "asymmetric",
    }))
    production = {"DJANGO_SETTINGS_MODULE": "lms.envs.production", "LMS_CFG": str(config)}
    with seeded_lms(tmp_path, SEED_LMS, extra_env=production) as url:
        # The page gives the LMS 2 s; a gunicorn worker's first request loads the URLconf, so
        # warm every worker up before the browser asks (a loaded CI machine is slow to do that).
        for _ in range(6):
            requests.get(f"{url}/api/discounts/v2/course/{DEMO_COURSE}", timeout=30)
        yield localhost(url)


def localhost(url):
    return url.replace("127.0.0.1", "localhost")


@pytest.fixture
def shop(live_server, lms, settings, make_user, make_seat, discount_offer):  # noqa: PLR0917, ARG001
    settings.COMMERCE_LMS_URL_ROOT = lms
    # Checkout's fulfillment (another feature) enrolls the buyer through this LMS too.
    settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{lms}/oauth2"
    seat = make_seat(sku="VERIFIED-DEMO")
    return {"url": localhost(live_server.url), "seat": seat, "users": {n: make_user(n) for n in ("learner", "returning")}}


def signed_in_page(browser, lms, shop, username):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{lms}/login")  # the learner signs in to the LMS
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "edx")
    page.click("[type=submit]")
    page.wait_for_load_state()
    context.add_cookies([session_cookie(shop["users"][username], shop["url"])])  # and to the shop (its own cookie)
    return page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("lms", ["symmetric", "asymmetric"], indirect=True)
def test_the_basket_page_fetches_the_discount_and_the_order_is_discounted(request, browser, lms, shop):
    page = signed_in_page(browser, lms, shop, "learner")
    calls, answers = [], []
    page.on("request", lambda request: calls.append(request.url) if "/api/discounts/v2/" in request.url else None)
    page.on("response", lambda response: answers.append(response.json()) if "/api/discounts/v2/" in response.url else None)
    page.goto(f"{shop['url']}/basket/add/?sku={shop['seat'].sku}")
    page.wait_for_selector("#commerce-lms-discount[data-state=applied]", timeout=15000)
    banner = page.locator("#commerce-lms-discount")
    # The token went to the shop in a POST: it never was in a URL (nor in an access log).
    assert "discount_jwt" not in page.url
    assert jwt.get_unverified_header(answers[0]["jwt"])["alg"] == {"symmetric": "HS256", "asymmetric": "RS512"}[
        request.node.callspec.params["lms"]]
    assert "15% discount" in banner.inner_text()
    assert "Pay $41.65" in page.locator("#commerce-pay").inner_text()
    assert calls == [f"{lms}/api/discounts/v2/course/{DEMO_COURSE}"]

    page.click("#commerce-pay")
    page.wait_for_selector("#commerce-receipt", timeout=60000)
    order = Order.objects.get(number=page.locator("#commerce-receipt").get_attribute("data-order-number"))
    assert order.total_incl_tax == Decimal("41.65")
    assert DiscountRedemption.objects.get(order=order).claims["preferred_username"] == "learner"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_ineligible_learner_keeps_the_full_price(browser, lms, shop):
    page = signed_in_page(browser, lms, shop, "returning")
    page.goto(f"{shop['url']}/basket/add/?sku={shop['seat'].sku}")
    page.wait_for_selector("#commerce-lms-discount[data-asking=done]", state="attached", timeout=15000)
    assert "discount_jwt" not in page.url
    assert "Pay $49.00" in page.locator("#commerce-pay").inner_text()
    page.click("#commerce-pay")
    page.wait_for_selector("#commerce-receipt", timeout=60000)
    order = Order.objects.get(number=page.locator("#commerce-receipt").get_attribute("data-order-number"))
    assert order.total_incl_tax == Decimal("49.00")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_token_for_another_learner_shows_why_and_the_full_price(browser, lms, shop):
    thief = signed_in_page(browser, lms, shop, "learner")
    with thief.expect_response(lambda response: "/api/discounts/v2/" in response.url, timeout=15000) as answer:
        thief.goto(f"{shop['url']}/basket/add/?sku={shop['seat'].sku}")
    thief.wait_for_selector("#commerce-lms-discount[data-state=applied]", timeout=15000)
    # The page may navigate once the discount applies, and the browser then drops the answer's body:
    # the thief asks the LMS again, as the page did, for a token of their own.
    stolen = thief.evaluate("url => fetch(url, {credentials: 'include'}).then(r => r.json())", answer.value.url)["jwt"]

    page = signed_in_page(browser, lms, shop, "returning")
    page.goto(f"{shop['url']}/basket/add/?sku={shop['seat'].sku}&discount_jwt={stolen}")
    banner = page.locator("#commerce-lms-discount")
    assert banner.get_attribute("data-state") == "refused"
    assert "belongs to another learner" in banner.inner_text()
    assert "Pay $49.00" in page.locator("#commerce-pay").inner_text()
