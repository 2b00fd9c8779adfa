"""
After the order is placed, on the Otto-faithful sandbox: Otto's ``post_checkout`` receiver, its
fulfillment API over ``FULFILLMENT_MODULES`` (the plugin's modules in it), its waffle sample
``async_order_fulfillment`` and ecommerce-worker's task, Otto's refund pipeline; a real sandbox
LMS (gunicorn, its own SQLite database) behind ``LmsProxy``, which counts enrollment POSTs and
can answer 503 to the first ones.
"""
import time
from decimal import Decimal
from types import SimpleNamespace

import jwt
import pytest
import requests
from celery.signals import task_prerun
from django.conf import settings
from django.contrib.sites.models import Site
from django.db import transaction
from ecommerce.core.models import SiteConfiguration
from ecommerce.courses.models import Course
from ecommerce.extensions.api.v2.views.orders import is_fulfillable
from ecommerce.extensions.fulfillment.status import LINE, ORDER
from ecommerce.extensions.refund.models import Refund
from ecommerce.extensions.refund.status import REFUND, REFUND_LINE
from ecommerce.tests.factories import PartnerFactory
from ecommerce_host.fulfillment.lms_stack import LmsProxy, lms_enrollment, prepare_lms_database, unique_name
from ecommerce_otto_host.otto_flow import handle_successful_order, place_order, request_on
from oscar.core.loading import get_class, get_model
from otto_host.test_plugin_in_otto import otto_seat_class  # noqa: F401  (fixture)
from waffle.testutils import override_sample

from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.fulfillment import api as fulfillment_api
from ecommerce_plugin.fulfillment import modules as plugin_modules
from ecommerce_plugin.fulfillment import otto as otto_modules
from ecommerce_plugin.fulfillment.tasks import fulfill_order as plugin_fulfill_order
from ecommerce_plugin.registration_codes import products as code_products
from ecommerce_plugin.registration_codes.models import RegistrationCode
from support.processes import free_port, host_server

DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"
CCX101 = "course-v1:edX+CCX101+2026"
PLUGIN_TASK = "ecommerce_plugin.fulfillment.tasks.fulfill_order"
WORKER_TASK = "ecommerce_worker.fulfillment.v1.tasks.fulfill_order"
Line = get_model("order", "Line")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
post_checkout = get_class("checkout.signals", "post_checkout")


@pytest.fixture(scope="session")
def lms(tmp_path_factory):
    """A real sandbox LMS, which knows its own address (the issuer of the JWTs it signs)."""
    db_path = tmp_path_factory.mktemp("otto-lms") / "lms.sqlite3"
    learners = [unique_name() for _ in range(12)]
    sessions = prepare_lms_database(db_path, learners)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"DATABASE_URL": "", "SANDBOX_DATABASE_NAME": str(db_path), "SANDBOX_LMS_URL_ROOT": url}
    with host_server("lms", port=port, extra_env=env, workers=2) as base_url:
        yield SimpleNamespace(url=base_url, db=str(db_path), learners=learners, sessions=sessions)


@pytest.fixture
def shop(lms, settings, db, otto_seat_class):  # noqa: F811
    """
    The current site configured as Otto configures one, its LMS behind a counting proxy; the
    plugin's LMS client talks to the same LMS. Yields the site, partner, proxy and a learner.
    """
    settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{lms.url}/oauth2"
    plugin_modules._CLIENTS.clear()
    with LmsProxy(lms.url) as proxy:
        site = Site.objects.get_current()
        partner = PartnerFactory(code="edx", name="edX")
        SiteConfiguration.objects.update_or_create(site=site, defaults={"partner": partner, "lms_url_root": proxy.url})
        course = Course.objects.create(id=DEMO_COURSE, name="Demonstration Course", partner=partner)
        other = Course.objects.create(id=CCX101, name="Commerce for Custom Courses 101", partner=partner)
        learner_name = lms.learners.pop()
        from django.contrib.auth import get_user_model  # noqa: PLC0415

        learner = get_user_model().objects.create_user(learner_name, f"{learner_name}@example.com", "edx")
        yield SimpleNamespace(
            site=site, partner=partner, proxy=proxy, lms=lms, learner=learner,
            seat=course.create_or_update_seat("verified", True, Decimal("49.00")),
            other_seat=other.create_or_update_seat("verified", True, Decimal("99.00")),
        )
    plugin_modules._CLIENTS.clear()


@pytest.fixture
def tasks_run():
    """Names of the celery tasks that run (in-process: the test settings run tasks eagerly)."""
    names = []

    def record(sender=None, task=None, **kwargs):
        names.append(task.name)

    task_prerun.connect(record, weak=False)
    yield names
    task_prerun.disconnect(record)


def pending_status(shop, course_id):
    """What the LMS tells the learner's dashboard about ``course_id`` (their own session)."""
    response = requests.get(
        f"{shop.lms.url}/api/pending_enrollments/v1/status/", params={"course_id": course_id},
        cookies={"sessionid": shop.lms.sessions[shop.learner.username]},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    (entry,) = response.json()["results"]
    return entry["status"], entry.get("fulfillment_failed", False)


def test_the_plugin_modules_lead_otto_list_and_otto_seat_module_is_extended_in_place():
    assert settings.FULFILLMENT_MODULES == [
        "ecommerce_plugin.fulfillment.otto.CompletedLinesModule",
        "ecommerce_plugin.fulfillment.otto.RegistrationCodesModule",
        "ecommerce_plugin.fulfillment.otto.CcxPurchaseModule",
        "ecommerce_plugin.fulfillment.otto.EnrollmentFulfillmentModule",
        "ecommerce.extensions.fulfillment.modules.DonationsFromCheckoutTestFulfillmentModule",
    ]
    from ecommerce.extensions.fulfillment.modules import EnrollmentFulfillmentModule  # noqa: PLC0415

    assert issubclass(otto_modules.EnrollmentFulfillmentModule, EnrollmentFulfillmentModule)


@pytest.mark.django_db
def test_the_plugin_worker_never_fulfils_on_otto(shop):
    order = place_order(shop.site, shop.learner, [(shop.seat, 1)])
    assert plugin_fulfill_order.apply(args=[order.number]).get() == {"order_number": order.number, "status": None}
    assert Order.objects.get(pk=order.pk).status == ORDER.OPEN
    assert shop.proxy.enrollment_posts == 0


@pytest.mark.django_db
def test_with_the_sample_off_otto_receiver_fulfils_once_and_no_worker_runs(shop, tasks_run):
    order = place_order(shop.site, shop.learner, [(shop.seat, 1)])
    with override_sample("async_order_fulfillment", active=False):
        handle_successful_order(order, request_on(shop.site, shop.learner))
    order.refresh_from_db()
    assert order.status == ORDER.COMPLETE
    assert order.lines.get().status == LINE.COMPLETE
    assert shop.proxy.enrollment_posts == 1
    assert lms_enrollment(shop.lms.db, shop.learner.username, DEMO_COURSE) == ("verified", True, 1)
    assert PLUGIN_TASK not in tasks_run and WORKER_TASK not in tasks_run
    assert pending_status(shop, DEMO_COURSE) == ("active", False)


@pytest.mark.django_db
def test_a_retried_order_does_not_fulfil_its_complete_lines_again(shop, tasks_run):
    shop.proxy.fail_first = 1  # the first enrollment POST (the demo seat) is refused with 503
    order = place_order(shop.site, shop.learner, [(shop.seat, 1), (shop.other_seat, 1)])
    request = request_on(shop.site, shop.learner)
    handle_successful_order(order, request)
    order.refresh_from_db()
    statuses = dict(order.lines.values_list("product_id", "status"))
    assert statuses == {shop.seat.id: LINE.FULFILLMENT_SERVER_ERROR, shop.other_seat.id: LINE.COMPLETE}
    assert order.status == ORDER.FULFILLMENT_ERROR
    assert shop.proxy.enrollment_posts == 1
    # The learner never followed a receipt link: the fulfilment told the LMS before enrolling.
    assert pending_status(shop, DEMO_COURSE) == ("pending", False)

    # Otto's own retry (its order API, which ecommerce-worker PUTs again after a 500) offers every
    # line again; the plugin's first module claims the Complete one, so only the failed one is posted.
    handle_successful_order(Order.objects.get(pk=order.pk), request)
    order.refresh_from_db()
    assert order.status == ORDER.COMPLETE
    assert set(order.lines.values_list("status", flat=True)) == {LINE.COMPLETE}
    assert shop.proxy.enrollment_posts == 2  # the Complete line was not posted again
    assert lms_enrollment(shop.lms.db, shop.learner.username, DEMO_COURSE) == ("verified", True, 1)
    assert pending_status(shop, DEMO_COURSE) == ("active", False)
    assert PLUGIN_TASK not in tasks_run and WORKER_TASK not in tasks_run

    # A Complete order is not fulfillable: Otto's order API answers 406 and ecommerce-worker stops.
    assert not is_fulfillable(Order.objects.get(pk=order.pk))


@pytest.mark.django_db
def test_staff_retry_reopens_only_the_failed_lines_and_fulfils_through_otto(
    shop, tasks_run, django_capture_on_commit_callbacks
):
    shop.proxy.fail_first = 1
    order = place_order(shop.site, shop.learner, [(shop.seat, 1), (shop.other_seat, 1)])
    handle_successful_order(order, request_on(shop.site, shop.learner))
    assert Order.objects.get(pk=order.pk).status == ORDER.FULFILLMENT_ERROR
    with django_capture_on_commit_callbacks(execute=True):
        (result,) = fulfillment_api.retry_fulfillment([order.number])
    assert result.error_code is None
    assert Order.objects.get(pk=order.pk).status == ORDER.COMPLETE
    assert shop.proxy.enrollment_posts == 2
    assert PLUGIN_TASK not in tasks_run and WORKER_TASK not in tasks_run


@pytest.mark.django_db
def test_with_the_sample_off_a_failure_is_reported_to_the_lms_and_a_staff_retry_clears_it(
    shop, caplog, django_capture_on_commit_callbacks
):
    shop.proxy.fail_first = 1
    order = place_order(shop.site, shop.learner, [(shop.seat, 1)])
    # The checkout request fulfils (the sample off); nobody retries it, so this attempt is the last.
    with django_capture_on_commit_callbacks(execute=True):
        handle_successful_order(order, request_on(shop.site, shop.learner))
    order.refresh_from_db()
    assert order.status == ORDER.FULFILLMENT_ERROR
    line = order.lines.get()
    assert (line.fulfillment.attempts, line.fulfillment.last_error_kind) == (1, "server")
    assert pending_status(shop, DEMO_COURSE) == ("pending", True)  # the dashboard says it failed
    assert f"Fulfillment of order {order.number}" in caplog.text  # the staff alert

    with django_capture_on_commit_callbacks(execute=True):
        (result,) = fulfillment_api.retry_fulfillment([order.number])
    assert result.error_code is None
    order.refresh_from_db()
    assert order.status == ORDER.COMPLETE
    assert lms_enrollment(shop.lms.db, shop.learner.username, DEMO_COURSE) == ("verified", True, 1)
    assert pending_status(shop, DEMO_COURSE) == ("active", False)


@pytest.mark.django_db
def test_through_otto_order_api_the_failure_is_reported_after_the_worker_last_retry(
    shop, client, settings, django_capture_on_commit_callbacks
):
    """ecommerce-worker's attempts are PUTs of Otto's order API; the plugin counts them."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    settings.COMMERCE_OTTO_WORKER_MAX_FULFILLMENT_RETRIES = 1  # the worker's MAX_FULFILLMENT_RETRIES
    client.force_login(get_user_model().objects.create_user("ecommerce_worker", is_staff=True, is_superuser=True))
    shop.proxy.fail_first = 3
    order = place_order(shop.site, shop.learner, [(shop.seat, 1)])

    def worker_put():
        with django_capture_on_commit_callbacks(execute=True):
            return client.put(f"/api/v2/orders/{order.number}/fulfill/")

    assert worker_put().status_code == 500  # the worker's first try: it will retry
    assert pending_status(shop, DEMO_COURSE) == ("pending", False)
    assert worker_put().status_code == 500  # its last retry
    assert order.lines.get().fulfillment.attempts == 2
    assert pending_status(shop, DEMO_COURSE) == ("pending", True)

    # A staff retry starts a new run of the worker's attempts: its first failure is not final.
    with override_sample("async_order_fulfillment", active=False), \
            django_capture_on_commit_callbacks(execute=True):
        fulfillment_api.retry_fulfillment([order.number])
    assert Order.objects.get(pk=order.pk).status == ORDER.FULFILLMENT_ERROR  # the third refusal
    assert pending_status(shop, DEMO_COURSE) == ("pending", True)  # in process: nobody retries it
    assert worker_put().status_code == 200  # Otto's own pipeline takes an error line to Complete
    assert Order.objects.get(pk=order.pk).status == ORDER.COMPLETE
    assert pending_status(shop, DEMO_COURSE) == ("active", False)


@pytest.mark.django_db
def test_registration_codes_are_their_own_product_issued_once_and_void_at_refund(shop):
    product = code_products.code_product_for_seat(seat_for_product(shop.seat))
    assert product.get_product_class().name == code_products.CODE_PRODUCT_CLASS_NAME
    order = place_order(shop.site, shop.learner, [(product, 3)])
    request = request_on(shop.site, shop.learner)
    handle_successful_order(order, request)
    order.refresh_from_db()
    assert order.status == ORDER.COMPLETE
    line = order.lines.get()
    assert RegistrationCode.objects.filter(order_line=line, status=RegistrationCode.AVAILABLE).count() == 3
    assert shop.proxy.enrollment_posts == 0  # the buyer is not enrolled

    # Otto's refund pipeline: credit through the processor, then the line's one module revokes it.
    with transaction.atomic():
        refund = Refund.create_with_lines(order, [line])
    assert refund.approve() is True
    refund.refresh_from_db()
    assert refund.status == REFUND.COMPLETE
    assert refund.lines.get().status == REFUND_LINE.COMPLETE
    assert set(RegistrationCode.objects.filter(order_line=line).values_list("status", flat=True)) == {
        RegistrationCode.VOID
    }
    # Each code's history: issued for the line, then withdrawn with it (bulk writes, not save()).
    history = RegistrationCode.history.filter(order_line_id=line.id)
    assert sorted(history.values_list("history_type", "history_change_reason")) == sorted(
        [("+", f"issued for line {line.id} of order {order.number}")] * 3
        + [("~", f"withdrawn with refunded line {line.id} of order {order.number}")] * 3
    )


@pytest.mark.django_db
def test_otto_enrollment_code_lines_are_never_claimed_by_the_plugin(shop):
    enrollment_code_class = ProductClass.objects.create(name="Enrollment Code", slug="enrollment_code")
    product = Product.objects.create(product_class=enrollment_code_class, title="Enrollment code")
    line = SimpleNamespace(product=product, status=LINE.OPEN, quantity=5, id=0, partner_sku="EC-1")
    for module in (otto_modules.RegistrationCodesModule(), otto_modules.CcxPurchaseModule(),
                   otto_modules.EnrollmentFulfillmentModule()):
        assert module.get_supported_lines([line]) == []
        assert module.supports_line(line) is False


@pytest.mark.django_db
def test_a_seat_refund_revokes_the_enrollment_through_otto_module_once(shop):
    order = place_order(shop.site, shop.learner, [(shop.seat, 1)])
    request = request_on(shop.site, shop.learner)
    handle_successful_order(order, request)
    assert lms_enrollment(shop.lms.db, shop.learner.username, DEMO_COURSE) == ("verified", True, 1)
    from ecommerce.extensions.refund.api import create_refunds, find_orders_associated_with_course  # noqa: PLC0415

    (refund,) = create_refunds(find_orders_associated_with_course(shop.learner, DEMO_COURSE), DEMO_COURSE)
    import crum  # noqa: PLC0415

    crum.set_current_request(request)
    try:
        assert refund.approve() is True
    finally:
        crum.set_current_request(None)
    assert refund.lines.get().status == REFUND_LINE.COMPLETE
    assert lms_enrollment(shop.lms.db, shop.learner.username, DEMO_COURSE) == ("verified", False, 1)


@pytest.fixture
def otto_server(shop, lms, settings):
    """
    This sandbox served by gunicorn with the Otto-faithful settings, on the test's database, as
    ecommerce-worker reaches Otto; its service user may change orders, as Otto's is.
    """
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    get_user_model().objects.create_user("ecommerce_worker", "worker@example.com", is_staff=True, is_superuser=True)
    env = {"DJANGO_SETTINGS_MODULE": "ecommerce.settings.otto_test", "SANDBOX_LMS_URL_ROOT": lms.url}
    with host_server("ecommerce", extra_env=env, workers=1) as url:
        yield url


@pytest.mark.django_db(transaction=True)
def test_with_the_sample_on_ecommerce_worker_fulfils_through_otto_order_api(shop, otto_server, tasks_run,
                                                                            monkeypatch, settings):
    monkeypatch.setenv("WORKER_ECOMMERCE_API_ROOT", f"{otto_server}/api/v2")
    monkeypatch.setenv("WORKER_OAUTH2_PROVIDER_URL", f"{shop.lms.url}/oauth2")
    received = []
    post_checkout.connect(lambda **kwargs: received.append(kwargs["order"].number), weak=False,
                          dispatch_uid="test.in_process_post_checkout")
    shop.proxy.fail_first = 1  # the worker's first PUT ends in Fulfillment Error (500); its retry completes
    # Eager tasks re-run at once on ``self.retry`` and then raise ``Retry``: a worker would not.
    # The Django setting, not ``app.conf.task_eager_propagates``: celery 5.4 (Otto's) reads the
    # CELERY_-prefixed Django setting before an unprefixed change made on ``app.conf``.
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    try:
        order = place_order(shop.site, shop.learner, [(shop.seat, 1)])
        with override_sample("async_order_fulfillment", active=True):
            handle_successful_order(order, request_on(shop.site, shop.learner))
    finally:
        post_checkout.disconnect(dispatch_uid="test.in_process_post_checkout")
    deadline = time.monotonic() + 30
    while Order.objects.get(pk=order.pk).status != ORDER.COMPLETE and time.monotonic() < deadline:
        time.sleep(0.2)
    assert Order.objects.get(pk=order.pk).status == ORDER.COMPLETE
    assert received == []  # the checkout process sent no post_checkout: Otto's order API did
    assert tasks_run.count(WORKER_TASK) == 2 and PLUGIN_TASK not in tasks_run
    assert shop.proxy.enrollment_posts == 1
    assert lms_enrollment(shop.lms.db, shop.learner.username, DEMO_COURSE) == ("verified", True, 1)


def receipt_response(order, site, dashboard_url, view_name="checkout:receipt", **context):
    """Otto's receipt view's answer, before its template renders (a TemplateResponse)."""
    from django.template.response import TemplateResponse  # noqa: PLC0415
    from django.urls import ResolverMatch  # noqa: PLC0415

    request = request_on(site, order.user)
    namespace, url_name = view_name.split(":")
    request.resolver_match = ResolverMatch(lambda: None, (), {}, url_name=url_name, app_names=[namespace],
                                           namespaces=[namespace])
    response = TemplateResponse(request, "edx/checkout/receipt.html",
                                {"order": order, "order_dashboard_url": dashboard_url, **context})
    from ecommerce_plugin.fulfillment.otto_receipt import ReceiptHandOffMiddleware  # noqa: PLC0415

    crum_request = request
    import crum  # noqa: PLC0415

    crum.set_current_request(crum_request)
    try:
        return ReceiptHandOffMiddleware(lambda r: response).process_template_response(request, response)
    finally:
        crum.set_current_request(None)


@pytest.mark.django_db
def test_otto_receipt_links_an_open_order_to_the_lms_hand_off(shop):
    assert "ecommerce_plugin.fulfillment.otto_receipt.ReceiptHandOffMiddleware" in settings.MIDDLEWARE
    order = place_order(shop.site, shop.learner, [(shop.seat, 1)])
    dashboard = shop.site.siteconfiguration.build_lms_url("dashboard")
    link = receipt_response(order, shop.site, dashboard).context_data["order_dashboard_url"]
    assert link.startswith(f"{shop.proxy.url}/commerce/pending-enrollments/from-receipt/#token=")

    # The token the LMS's hand-off page verifies (tests/lms_host/pending_enrollments follow it through).
    claims = jwt.decode(link.split("#token=", 1)[1], settings.COMMERCE_PENDING_ENROLLMENT_SECRET, algorithms=["HS256"],
                        audience="lms:pending-enrollments")
    assert (claims["preferred_username"], claims["order_number"]) == (shop.learner.username, order.number)
    assert claims["enrollments"] == [{"course_id": DEMO_COURSE, "mode": "verified"}]


@pytest.mark.django_db
def test_otto_receipt_keeps_its_links_once_fulfilled_and_for_other_pages(shop):
    order = place_order(shop.site, shop.learner, [(shop.seat, 1)])
    dashboard = shop.site.siteconfiguration.build_lms_url("dashboard")
    assert receipt_response(order, shop.site, dashboard, view_name="basket:summary").context_data[
        "order_dashboard_url"] == dashboard
    portal = "https://portal.example.com/acme"  # Otto's enterprise learner portal link is kept
    assert receipt_response(order, shop.site, portal).context_data["order_dashboard_url"] == portal
    handle_successful_order(order, request_on(shop.site, shop.learner))
    order.refresh_from_db()
    assert order.status == ORDER.COMPLETE
    assert receipt_response(order, shop.site, dashboard).context_data["order_dashboard_url"] == dashboard
