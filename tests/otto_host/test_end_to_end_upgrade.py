"""
A learner's discounted upgrade, end to end inside a real Otto, with the sandbox LMS as its LMS.

The sandbox LMS runs as a real HTTP server (gunicorn from this repository's ``.venv``, or
``SANDBOX_LMS_PYTHON``; its own SQLite database), behind ``LmsProxy``, which counts the enrollment
POSTs that reach it and can refuse the first ones. The LMS signs the learner's discount JWT; Otto
takes the seat with ``/basket/add/?sku=``, prices it through its ``BasketMiddleware`` and
``Applicator`` (the plugin's condition behind Otto's ``dynamic_conditional_offer``), charges it
through its own Stripe views or its free checkout, places the order, and fulfils it through
``FULFILLMENT_MODULES`` (the plugin's modules in it). Only Stripe's HTTP API is stood in for
(``stripe_edge``): Stripe's library, Otto's processor and views run as they are.
"""
import os
import shutil
from decimal import Decimal
from types import SimpleNamespace

import pytest
import requests
from django.contrib.sites.models import Site
from django.test import Client
from ecommerce.core.models import SiteConfiguration
from ecommerce.courses.models import Course
from ecommerce.extensions.fulfillment.api import fulfill_order
from ecommerce.extensions.fulfillment.exceptions import IncorrectOrderStatusError
from ecommerce.extensions.fulfillment.status import LINE, ORDER
from ecommerce.tests.factories import PartnerFactory, UserFactory
from ecommerce_host.fulfillment.lms_stack import LmsProxy, lms_manage, prepare_lms_database, unique_name
from oscar.core.loading import get_model
from otto_host.stripe_edge import StripeEdge
from otto_host.test_plugin_in_otto import otto_seat_class  # noqa: F401  (fixture)
from threadlocals.threadlocals import set_thread_variable
from waffle.models import Flag

from ecommerce_plugin.discounts.models import DiscountRedemption
from ecommerce_plugin.discounts.offer import OTTO_OFFER_NAME, ensure_dynamic_discount_offer
from ecommerce_plugin.fulfillment import modules as plugin_modules
from support.processes import REPO_ROOT, free_port, host_server

DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"
FREE_COURSE = "course-v1:edX+Gift+2026"  # the LMS gives 100% off this one
# The LMS signs symmetric user JWTs with this shared secret; Otto's JWT_ISSUERS names it for the LMS.
LMS_JWT_SECRET = "otto-end-to-end-lms-jwt-secret-key-for-tests"
LMS_API_KEY = "sandbox-edx-api-key"  # the sandbox LMS's EDX_API_KEY (lms/envs/test.py)

Basket = get_model("basket", "Basket")
BasketAttributeType = get_model("basket", "BasketAttributeType")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Country = get_model("address", "Country")
Order = get_model("order", "Order")
Source = get_model("payment", "Source")

SEED_LMS = f"""
from datetime import datetime, UTC
from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment
from django.contrib.auth import get_user_model
from lms_plugin.discounts.models import DiscountPercentageConfig
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

gift = CourseKey.from_string("{FREE_COURSE}")
CourseOverview.objects.get_or_create(id=gift, defaults=dict(
    org=gift.org, display_name="Gift Course", display_number_with_default=gift.course,
    display_org_with_default=gift.org, start=datetime(2024, 1, 1, tzinfo=UTC), end=None))
for slug, price in (("audit", 0), ("verified", 49)):
    CourseMode.objects.get_or_create(course_id=gift, mode_slug=slug, currency="usd",
                                     defaults=dict(mode_display_name=slug, min_price=price))
DiscountPercentageConfig.objects.create(scope="course", scope_value=str(gift), percentage=100)
for user in get_user_model().objects.filter(username__startswith="upgrader"):
    for key in ("{DEMO_COURSE}", str(gift)):
        CourseEnrollment.enroll(user, CourseKey.from_string(key), mode="audit")
"""


def _lms_python():
    python = os.environ.get("SANDBOX_LMS_PYTHON") or str(REPO_ROOT / ".venv" / "bin" / "python")
    if not shutil.which(python):
        pytest.fail(f"The sandbox LMS needs this repository's virtualenv: {python} is missing "
                    "(run ./scripts/bootstrap.sh, or set SANDBOX_LMS_PYTHON).", pytrace=False)
    return python


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    """The sandbox LMS on a free port, knowing its own address (the issuer of the JWTs it signs)."""
    tmp = tmp_path_factory.mktemp("otto-e2e-lms")
    db_path = tmp / "lms.sqlite3"
    learners = [unique_name("upgrader") for _ in range(4)]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        "DATABASE_URL": "", "SANDBOX_DATABASE_NAME": str(db_path), "SANDBOX_LMS_URL_ROOT": url,
        "SANDBOX_VAR_DIR": str(tmp / "var"), "CELERY_BROKER_URL": "", "JWT_COMMON_SECRET_KEY": LMS_JWT_SECRET,
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SANDBOX_LMS_PYTHON", _lms_python())
        for name, value in env.items():
            patch.setenv(name, value)
        sessions = prepare_lms_database(db_path, learners)
        lms_manage(db_path, "shell", "-c", SEED_LMS)
        with host_server("lms", port=port, extra_env=env, workers=2, log_path=tmp / "lms.log") as base_url:
            yield SimpleNamespace(url=base_url, learners=learners, sessions=sessions, log=tmp / "lms.log")


@pytest.fixture
def stripe_edge(monkeypatch):
    import stripe  # noqa: PLC0415

    with StripeEdge() as edge:
        monkeypatch.setattr(stripe, "api_base", edge.url)
        yield edge


def _otto_dynamic_offer():
    """Otto's ``dynamic_conditional_offer`` as its offer migration 0025 makes it (the suite runs without migrations)."""
    condition = Condition.objects.create(
        proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer.DynamicDiscountCondition"
    )
    benefit = Benefit.objects.create(
        value=1, proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer.DynamicPercentageDiscountBenefit"
    )
    ConditionalOffer.objects.create(name=OTTO_OFFER_NAME, condition=condition, benefit=benefit,
                                    max_basket_applications=1, priority=-10, offer_type=ConditionalOffer.SITE)


@pytest.fixture
def no_request_left_over():
    """
    Otto's ``threadlocals`` middleware keeps each request in a thread local and never clears it
    (Otto's own tests reset it in every ``setUp``): none from an earlier test here, none left after.
    """
    set_thread_variable("request", None)
    yield
    set_thread_variable("request", None)


@pytest.fixture
def shop(lms, settings, db, otto_seat_class, no_request_left_over):  # noqa: F811
    """
    The current site configured as an operator configures Otto for this LMS (Stripe as its client
    side processor), the plugin installed as the README says, Otto's dynamic discount on.
    """
    settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{lms.url}/oauth2"
    settings.EDX_API_KEY = LMS_API_KEY
    issuer = {"ISSUER": f"{lms.url}/oauth2", "AUDIENCE": "lms-key", "SECRET_KEY": LMS_JWT_SECRET}
    settings.JWT_AUTH = {**settings.JWT_AUTH, "JWT_ISSUERS": [issuer, *settings.JWT_AUTH["JWT_ISSUERS"]]}
    plugin_modules._CLIENTS.clear()
    with LmsProxy(lms.url) as proxy:
        site = Site.objects.get(id=settings.SITE_ID)
        partner = PartnerFactory(short_code="edx", name="edX")
        SiteConfiguration.objects.update_or_create(site=site, defaults={
            "partner": partner, "lms_url_root": proxy.url, "payment_processors": "stripe",
            "client_side_payment_processor": "stripe", "segment_key": None,
            "discovery_api_url": "http://127.0.0.1:9/api/v1/", "send_refund_notifications": False,
            "enable_sdn_check": False,
        })
        partner.default_site = site
        partner.save()
        # Rows Otto's migrations make (the suite builds its tables without them).
        for name in ("email_opt_in", "purchased_for_organization", "bundle_identifier"):
            BasketAttributeType.objects.get_or_create(name=name)
        get_model("catalogue", "Option").objects.get_or_create(
            code="course_entitlement", defaults={"name": "Course Entitlement"}
        )
        Country.objects.get_or_create(iso_3166_1_a2="US", defaults={"name": "United States"})
        _otto_dynamic_offer()
        ensure_dynamic_discount_offer()
        # Waffle forgets its cached flag on commit, which a test that rolls back never reaches.
        flag = Flag.objects.create(name="offer.dynamic_discount", everyone=True)
        flag.flush()
        seats = {
            key: Course.objects.create(id=key, name=title, partner=partner).create_or_update_seat(
                "verified", True, Decimal("49.00")
            )
            for key, title in ((DEMO_COURSE, "Demonstration Course"), (FREE_COURSE, "Gift Course"))
        }
        learner_name = lms.learners.pop()
        learner = UserFactory(username=learner_name, email=f"{learner_name}@example.com")
        browser = Client(SERVER_NAME=site.domain)
        browser.force_login(learner)
        yield SimpleNamespace(site=site, partner=partner, proxy=proxy, lms=lms, learner=learner, browser=browser,
                              seats=seats, lms_session=lms.sessions[learner_name])
        flag.flush()  # its row is rolled back: no later test may read it from the cache
    plugin_modules._CLIENTS.clear()


def lms_get(shop, path, **params):
    """A GET on the LMS in the learner's own session, as their browser (or the payment MFE) makes it."""
    response = requests.get(f"{shop.lms.url}{path}", params=params, cookies={"sessionid": shop.lms_session},
                            timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def discount_from_lms(shop, course_id):
    return lms_get(shop, f"/api/discounts/v2/course/{course_id}")


def dashboard_status(shop, course_id):
    """What the LMS tells the learner's dashboard, and its enrollment API, about ``course_id``."""
    (entry,) = lms_get(shop, "/api/pending_enrollments/v1/status/", course_id=course_id)["results"]
    enrollment = lms_get(shop, f"/api/enrollment/v1/enrollment/{course_id}")
    return entry["status"], entry["mode"], (enrollment["mode"], enrollment["is_active"])


def sku(seat):
    return seat.stockrecords.get().partner_sku


def add_to_basket(shop, seat):
    """The LMS's upgrade link: Otto's ``/basket/add/?sku=`` sends the learner on (303)."""
    response = shop.browser.get("/basket/add/", {"sku": sku(seat)})
    assert response.status_code == 303, response.content[:500]


def worker_client(shop):
    """ecommerce-worker's service user on Otto's order API (staff, as Otto's deployment has it)."""
    worker = UserFactory(username="ecommerce_worker", is_staff=True, is_superuser=True)
    client = Client(SERVER_NAME=shop.site.domain)
    client.force_login(worker)
    return client


def test_a_discounted_upgrade_paid_through_otto_stripe_views_is_fulfilled_once(shop, stripe_edge):
    seat = shop.seats[DEMO_COURSE]
    offer = discount_from_lms(shop, DEMO_COURSE)
    assert (offer["discount_applicable"], offer["discount_percent"]) == (True, 15)
    assert dashboard_status(shop, DEMO_COURSE) == ("active", "audit", ("audit", True))

    add_to_basket(shop, seat)
    # The payment MFE's basket, with the LMS's token: Otto's BasketMiddleware priced it.
    basket_page = shop.browser.get("/bff/payment/v0/payment/", {"discount_jwt": offer["jwt"]})
    assert basket_page.status_code == 200, basket_page.content[:500]
    summary = basket_page.json()
    assert [product["sku"] for product in summary["products"]] == [sku(seat)]
    assert (Decimal(str(summary["summary_price"])), Decimal(str(summary["summary_discounts"])),
            Decimal(str(summary["order_total"]))) == (Decimal("49.00"), Decimal("7.35"), Decimal("41.65"))

    context = shop.browser.get("/bff/payment/v0/capture-context/")
    assert context.status_code == 200, context.content[:500]
    (intent_id,) = stripe_edge.intents
    assert context.json()["capture_context"]["key_id"] == stripe_edge.intents[intent_id]["client_secret"]

    # The MFE confirms the card with Stripe.js, then posts the intent: no token in this request.
    shop.proxy.fail_first = 1  # the LMS's enrollment API is down for the first try
    paid = shop.browser.post("/payment/stripe/checkout/", {"payment_intent_id": intent_id, "skus": sku(seat)})
    assert paid.status_code == 201, paid.content[:500]

    # Charged the discounted price, once; one order, at that price, with Otto's offer on it.
    assert stripe_edge.confirmed == [(intent_id, 4165)]
    (order,) = Order.objects.filter(user=shop.learner)
    assert paid.json()["receipt_page_url"].endswith(f"order_number={order.number}&disable_back_button=1")
    assert (order.total_incl_tax, order.total_before_discounts_incl_tax) == (Decimal("41.65"), Decimal("49.00"))
    (discount,) = order.discounts.all()
    assert (discount.offer_name, discount.amount) == (OTTO_OFFER_NAME, Decimal("7.35"))
    source = Source.objects.get(order=order)
    assert (source.source_type.name, source.amount_debited, source.reference) == ("stripe", Decimal("41.65"), intent_id)
    redemption = DiscountRedemption.objects.get(order=order)
    assert (redemption.username, redemption.course_key, redemption.percent) == (
        shop.learner.username, DEMO_COURSE, Decimal("15")
    )

    # Right after payment the LMS shows the course pending (the seat is paid, not yet enrolled).
    assert order.status == ORDER.FULFILLMENT_ERROR
    assert order.lines.get().status == LINE.FULFILLMENT_SERVER_ERROR
    assert dashboard_status(shop, DEMO_COURSE) == ("pending", "verified", ("audit", True))

    # ecommerce-worker's retry through Otto's order API clears it: the learner is verified.
    worker = worker_client(shop)
    cleared = worker.put(f"/api/v2/orders/{order.number}/fulfill/")
    assert cleared.status_code == 200, cleared.content[:500]
    order.refresh_from_db()
    assert order.status == ORDER.COMPLETE and order.lines.get().status == LINE.COMPLETE
    assert dashboard_status(shop, DEMO_COURSE) == ("active", "verified", ("verified", True))
    assert shop.proxy.enrollment_posts == 1

    # Fulfilling again does nothing: Otto's order API and its fulfillment API refuse a Complete order.
    assert worker.put(f"/api/v2/orders/{order.number}/fulfill/").status_code == 406
    with pytest.raises(IncorrectOrderStatusError):
        fulfill_order(order, list(order.lines.all()))
    assert shop.proxy.enrollment_posts == 1
    assert Order.objects.filter(user=shop.learner).count() == 1
    assert stripe_edge.confirmed == [(intent_id, 4165)]


def test_a_full_discount_goes_through_otto_free_checkout_and_enrols_once(shop, stripe_edge):
    seat = shop.seats[FREE_COURSE]
    offer = discount_from_lms(shop, FREE_COURSE)
    assert (offer["discount_applicable"], offer["discount_percent"]) == (True, 100)

    add_to_basket(shop, seat)
    summary = shop.browser.get("/bff/payment/v0/payment/", {"discount_jwt": offer["jwt"]}).json()
    assert (summary["is_free_basket"], Decimal(str(summary["order_total"]))) == (True, Decimal("0.00"))

    # The MFE sends a free basket to Otto's free checkout (the token is not in this request).
    placed = shop.browser.get("/checkout/free-checkout/")
    assert placed.status_code == 302, placed.content[:500]
    (order,) = Order.objects.filter(user=shop.learner)
    assert f"order_number={order.number}" in placed["Location"]
    assert (order.total_incl_tax, order.total_before_discounts_incl_tax) == (Decimal("0.00"), Decimal("49.00"))
    assert stripe_edge.calls == []  # nothing was charged
    assert not Source.objects.filter(order=order).exists()
    assert DiscountRedemption.objects.get(order=order).percent == Decimal("100")

    assert order.status == ORDER.COMPLETE and order.lines.get().status == LINE.COMPLETE
    assert dashboard_status(shop, FREE_COURSE) == ("active", "verified", ("verified", True))
    assert shop.proxy.enrollment_posts == 1
    with pytest.raises(IncorrectOrderStatusError):
        fulfill_order(order, list(order.lines.all()))
    assert shop.proxy.enrollment_posts == 1


def test_a_used_token_discounts_nobody_else(shop, stripe_edge):
    seat = shop.seats[FREE_COURSE]
    offer = discount_from_lms(shop, FREE_COURSE)
    add_to_basket(shop, seat)
    shop.browser.get("/bff/payment/v0/payment/", {"discount_jwt": offer["jwt"]})
    assert shop.browser.get("/checkout/free-checkout/").status_code == 302

    # Another learner with the first one's token, on their own basket for the same seat: full price.
    other_name = shop.lms.learners.pop()
    other = UserFactory(username=other_name, email=f"{other_name}@example.com")
    browser = Client(SERVER_NAME=shop.site.domain)
    browser.force_login(other)
    assert browser.get("/basket/add/", {"sku": sku(seat)}).status_code == 303
    summary = browser.get("/bff/payment/v0/payment/", {"discount_jwt": offer["jwt"]}).json()
    assert (summary["is_free_basket"], Decimal(str(summary["order_total"]))) == (False, Decimal("49.00"))
    assert Order.objects.count() == 1 and DiscountRedemption.objects.count() == 1

