"""
A seat fulfillment that fails for good, inside a real Otto: Otto's ``post_checkout`` receiver and its
order API (``api:v2:order-fulfill``, what ecommerce-worker PUTs) run Otto's fulfillment API over
``FULFILLMENT_MODULES`` with the plugin's seat module; the LMS (its enrollment API, the plugin's
pending-enrollments API and its OAuth token endpoint) is answered by ``responses``.
"""
import contextlib
import json
from types import SimpleNamespace

import crum
import pytest
import responses
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import reverse
from ecommerce.extensions.fulfillment.status import LINE, ORDER
from ecommerce.extensions.test.factories import create_order
from ecommerce.tests.factories import UserFactory
from oscar.core.loading import get_class, get_model
from otto_host.test_plugin_in_otto import otto_seat_class, site_configuration  # noqa: F401
from threadlocals.threadlocals import set_thread_variable

from ecommerce_plugin import platform
from ecommerce_plugin.fulfillment import api as fulfillment_api
from ecommerce_plugin.fulfillment import modules as plugin_modules

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
post_checkout = get_class("checkout.signals", "post_checkout")

pytestmark = pytest.mark.django_db

COURSE = "course-v1:edX+Fails+2026"
LMS = "http://lms.otto.test"


@pytest.fixture
def lms(site_configuration):  # noqa: F811
    """The LMS's answers; ``refuse`` enrollment POSTs answer 500 while it is above zero."""
    plugin_modules._CLIENTS.clear()
    state = SimpleNamespace(refuse=0, enrollments=0, reports=[])

    def enroll(request):
        state.enrollments += 1
        if state.refuse > 0:
            state.refuse -= 1
            return 500, {}, json.dumps({"message": "LMS down"})
        return 200, {}, json.dumps({"is_active": True})

    def report(request):
        body = json.loads(request.body)
        state.reports.append((body["state"], [entry["course_id"] for entry in body["enrollments"]]))
        return 200, {}, "{}"

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.POST, f"{settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL}/access_token",
                 json={"access_token": "token", "expires_in": 3600, "token_type": "JWT"})
        mock.add_callback(responses.POST, f"{LMS}/api/enrollment/v1/enrollment", callback=enroll)
        mock.add_callback(responses.POST, f"{LMS}{fulfillment_api.LMS_FULFILLMENT_STATE_PATH}", callback=report)
        yield state
    plugin_modules._CLIENTS.clear()


@pytest.fixture
def order(site_configuration, otto_seat_class, monkeypatch):  # noqa: F811
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: None)
    site_configuration.lms_url_root = LMS
    site_configuration.save()
    seat = platform.create_or_update_seat(
        partner=site_configuration.partner, course_key=COURSE, course_title="Fails 101",
        certificate_type="verified", price="49.00", id_verification_required=True,
    )
    user = UserFactory()
    basket = Basket.create_basket(site_configuration.site, user)
    basket.add_product(Product.objects.get(id=seat.product_id))
    return create_order(basket=basket, user=user, site=site_configuration.site)


def otto_request(site_configuration, user):  # noqa: F811
    request = RequestFactory().get("/", SERVER_NAME=site_configuration.site.domain)
    request.site, request.user = site_configuration.site, user
    return request


@contextlib.contextmanager
def in_request(request):
    """The request current as Otto's middleware makes it (``crum``, and ``threadlocals`` for ``get_lms_url``)."""
    crum.set_current_request(request)
    set_thread_variable("request", request)
    try:
        yield
    finally:
        crum.set_current_request(None)
        set_thread_variable("request", None)


def checkout_fulfils(order, request, django_capture_on_commit_callbacks):
    """What Otto's ``handle_successful_order`` does with the sample off, then the commit."""
    with in_request(request), django_capture_on_commit_callbacks(execute=True):
        post_checkout.send(sender=None, order=order, request=request, email_opt_in=False)
    order.refresh_from_db()
    return order


def test_a_failure_in_the_checkout_request_is_reported_failed_and_a_staff_retry_clears_it(
    site_configuration, lms, order, django_capture_on_commit_callbacks, caplog  # noqa: F811
):
    lms.refuse = 1
    request = otto_request(site_configuration, order.user)
    checkout_fulfils(order, request, django_capture_on_commit_callbacks)
    assert order.status == ORDER.FULFILLMENT_ERROR
    assert order.lines.get().status == LINE.FULFILLMENT_SERVER_ERROR
    assert lms.reports == [("pending", [COURSE]), ("failed", [COURSE])]
    assert f"Fulfillment of order {order.number}" in caplog.text

    # Staff retry (the plugin's admin action): the seats are pending again, Otto fulfils in process.
    with in_request(request), django_capture_on_commit_callbacks(execute=True):
        (result,) = fulfillment_api.retry_fulfillment([order.number])
    assert result.error_code is None
    order.refresh_from_db()
    assert order.status == ORDER.COMPLETE and lms.enrollments == 2
    # The seat module's pending report (which clears the failure), then the enrollment; the retry's own
    # report found no line still Open after the in-process fulfilment and sent nothing.
    assert lms.reports[2:] == [("pending", [COURSE])]


def test_otto_order_api_reports_only_after_the_worker_last_retry(
    site_configuration, lms, order, client, django_capture_on_commit_callbacks  # noqa: F811
):
    # ecommerce-worker's MAX_FULFILLMENT_RETRIES, as the operator keeps them equal
    with override_settings(COMMERCE_OTTO_WORKER_MAX_FULFILLMENT_RETRIES=1):
        worker_puts_until_the_last_retry(site_configuration, lms, order, client, django_capture_on_commit_callbacks)


def worker_puts_until_the_last_retry(site_configuration, lms, order, client, django_capture_on_commit_callbacks):  # noqa: F811
    worker = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(worker)
    lms.refuse = 2

    def worker_put():
        with django_capture_on_commit_callbacks(execute=True):
            return client.put(reverse("api:v2:order-fulfill", args=[order.number]),
                              SERVER_NAME=site_configuration.site.domain)

    assert worker_put().status_code == 500  # Otto's answer; the worker will retry
    assert [state for state, _ in lms.reports] == ["pending"]
    assert worker_put().status_code == 500  # the worker's last retry
    assert [state for state, _ in lms.reports] == ["pending", "pending", "failed"]
    assert order.lines.get().fulfillment.attempts == 2
    assert worker_put().status_code == 200  # a later delivery that succeeds
    assert Order.objects.get(pk=order.pk).status == ORDER.COMPLETE
