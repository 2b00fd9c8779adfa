"""
A permanent fulfillment failure is visible: staff are alerted (log, email), the LMS is told so the
learner's dashboard says so, the receipt says what happens next, and the order's admin page shows
the line errors with the retry and refund actions.
"""
import json
import logging
from decimal import Decimal

import pytest
import responses
from celery.exceptions import Retry
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.fulfillment import api
from support import gateway
from support.on_commit import capture_on_commit_callbacks

Order = get_model("order", "Order")
ENROLL = platform.lms_url("/api/enrollment/v1/enrollment")
STATE = platform.lms_url("/api/pending_enrollments/v1/fulfillment/")
ADMIN = "/admin/commerce_fulfillment/failedfulfillmentorder/"
DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"

pytestmark = pytest.mark.django_db


@pytest.fixture
def lms():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        from django.conf import settings  # noqa: PLC0415

        mock.add(responses.POST, f"{settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL}/access_token",
                 json={"access_token": "t", "expires_in": 3600, "token_type": "JWT"})
        mock.add(responses.POST, ENROLL, status=400, json={"message": "Course mode not found"})
        yield mock


def state_reports(mock):
    return [json.loads(call.request.body) for call in mock.calls if call.request.url == STATE]


@pytest.fixture
def failed_order(lms, place_seat_order, settings, django_capture_on_commit_callbacks):
    settings.COMMERCE_FULFILLMENT_FAILURE_EMAILS = ["support@example.com"]
    lms.add(responses.POST, STATE, json={"results": []})
    with django_capture_on_commit_callbacks(execute=True):
        number = place_seat_order("ada")
    assert Order.objects.get(number=number).status == "Fulfillment Error"
    return str(number)


def test_staff_are_emailed_the_line_errors(failed_order):
    (message,) = mail.outbox
    assert message.to == ["support@example.com"] and failed_order in message.subject
    assert "Course mode not found" in message.body and f"manage.py retry_fulfillment {failed_order}" in message.body


def test_the_staff_email_is_the_shops_event_type_in_text_and_html_with_the_course_title(failed_order):
    (message,) = mail.outbox
    order = Order.objects.get(number=failed_order)
    line = order.lines.get()
    page = f"https://example.com{ADMIN}{order.pk}/change/"
    assert message.subject == f"example.com: fulfillment of order {failed_order} failed"
    assert "Demonstration Course" in message.body and DEMO_COURSE not in message.body
    assert f"line {line.id} ({line.title})" in message.body and page in message.body
    (html, mimetype), = message.alternatives
    assert mimetype == "text/html" and DEMO_COURSE not in html
    assert "<td>Demonstration Course</td>" in html and f'<a href="{page}"' in html
    assert "Course mode not found" in html and f"<code>manage.py retry_fulfillment {failed_order}</code>" in html


def test_an_operator_rewords_the_staff_email_in_the_admin(
    lms, place_seat_order, settings, django_capture_on_commit_callbacks
):
    from oscar.core.loading import get_model  # noqa: PLC0415

    get_model("communication", "CommunicationEventType").objects.filter(code="COMMERCE_FULFILLMENT_FAILED").update(
        email_subject_template="Broken: {{ order.number }}", email_body_template="{{ lines.0.course_title }}",
    )
    settings.COMMERCE_FULFILLMENT_FAILURE_EMAILS = ["support@example.com", "oncall@example.com"]
    lms.add(responses.POST, STATE, json={"results": []})
    with django_capture_on_commit_callbacks(execute=True):
        number = place_seat_order("ada")
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [
        (["support@example.com"], f"Broken: {number}", "Demonstration Course"),
        (["oncall@example.com"], f"Broken: {number}", "Demonstration Course"),
    ]


def test_the_failure_is_logged_as_an_error_even_without_recipients(
    lms, place_seat_order, settings, caplog, django_capture_on_commit_callbacks
):
    settings.COMMERCE_FULFILLMENT_FAILURE_EMAILS = []
    lms.add(responses.POST, STATE, json={"results": []})
    with caplog.at_level(logging.ERROR, logger="ecommerce_plugin.fulfillment.alerts"), \
            django_capture_on_commit_callbacks(execute=True):
        number = place_seat_order("ada")
    assert [r for r in caplog.records if r.name == "ecommerce_plugin.fulfillment.alerts" and str(number) in r.getMessage()]
    assert mail.outbox == []


def test_the_lms_is_told_which_seat_failed(lms, failed_order):
    assert state_reports(lms) == [{
        "username": "ada", "order_number": failed_order, "state": "failed",
        "enrollments": [{"course_id": DEMO_COURSE, "mode": "verified"}],
    }]


def test_a_duplicate_delivery_alerts_no_one_again(lms, failed_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api.fulfill_order(failed_order)
    assert len(mail.outbox) == 1 and len(state_reports(lms)) == 1


def test_the_lms_report_is_retried_while_the_lms_is_down(lms, failed_order, settings):
    from ecommerce_plugin.fulfillment.tasks import report_to_lms  # noqa: PLC0415

    lms.replace(responses.POST, STATE, status=503)
    with pytest.raises(Retry):  # eager tasks propagate (test settings); a worker schedules the retry
        report_to_lms.apply(args=[failed_order, "failed"])
    last = report_to_lms.apply(args=[failed_order, "failed"], retries=settings.COMMERCE_FULFILLMENT_MAX_RETRIES)
    assert last.state == "SUCCESS" and last.result["reported"] is False
    lms.replace(responses.POST, STATE, json={"results": []})
    assert report_to_lms.apply(args=[failed_order, "failed"], retries=1).result["reported"] is True


def _receipt(number, username="ada"):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client.get(f"/commerce/checkout/receipt/{number}/").content.decode()


def test_the_receipt_of_a_failed_order_says_what_happens_next(failed_order):
    page = _receipt(failed_order)
    assert "support team has been told" in page and "you do not need to pay again" in page
    assert "Fulfillment Error" not in page.replace('data-order-status="Fulfillment Error"', "")


def test_the_receipt_of_an_order_being_fulfilled_says_so(lms, place_seat_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        number = place_seat_order("ada")
    page = _receipt(number)
    assert "We are enrolling you now" in page and "support team" not in page


def test_the_admin_page_shows_the_line_errors_and_both_actions(failed_order, admin_client):
    order = Order.objects.get(number=failed_order)
    page = admin_client.get(f"{ADMIN}{order.pk}/change/").content.decode()
    assert "Course mode not found" in page and "Fulfillment Configuration Error" in page
    assert 'id="retry-fulfillment"' in page and 'id="refund-failed-lines"' in page


def test_the_retry_button_reopens_the_order_and_tells_the_lms(lms, failed_order, admin_client, monkeypatch):
    monkeypatch.setattr("ecommerce_plugin.fulfillment.tasks.enqueue", lambda n, retry=False: None)
    order = Order.objects.get(number=failed_order)
    response = _post_with_callbacks(admin_client, f"{ADMIN}{order.pk}/retry/")
    assert response.status_code == 302
    assert Order.objects.get(number=failed_order).status == "Open"
    assert state_reports(lms)[-1]["state"] == "pending"


def test_the_refund_button_refunds_the_failed_lines_once(lms, failed_order, admin_client):
    order = Order.objects.get(number=failed_order)
    _post_with_callbacks(admin_client, f"{ADMIN}{order.pk}/refund/")
    _post_with_callbacks(admin_client, f"{ADMIN}{order.pk}/refund/")  # a double click
    order.refresh_from_db()
    assert order.status == "Refunded" and order.lines.get().status == "Refunded"
    assert [gateway.amount(refund) for refund in gateway.refunds()] == [Decimal("49.00")]
    assert order.sources.get().amount_refunded == order.total_incl_tax
    assert state_reports(lms)[-1] == {
        "username": "ada", "order_number": failed_order, "state": "cancelled",
        "enrollments": [{"course_id": DEMO_COURSE, "mode": "verified"}],
    }
    assert "Refunded" in _receipt(failed_order) or "refunded" in _receipt(failed_order)


def test_a_refund_the_processor_refuses_changes_nothing(failed_order, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("gateway down")

    monkeypatch.setattr("ecommerce.extensions.payment.processors.dev.DevPaymentProcessor.issue_credit", broken)
    (result,) = api.refund_failed_lines([failed_order])
    assert result.error_code == "refund_failed"
    order = Order.objects.get(number=failed_order)
    assert order.status == "Fulfillment Error" and order.sources.get().amount_refunded == 0


def test_learners_cannot_retry_or_refund(failed_order):
    client = Client()
    client.force_login(get_user_model().objects.get(username="ada"))
    order = Order.objects.get(number=failed_order)
    for action in ("retry", "refund"):
        response = client.post(f"{ADMIN}{order.pk}/{action}/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Order.objects.get(number=failed_order).status == "Fulfillment Error"


def test_the_actions_refuse_a_get(failed_order, admin_client):
    order = Order.objects.get(number=failed_order)
    assert admin_client.get(f"{ADMIN}{order.pk}/refund/").status_code == 405
    assert Order.objects.get(number=failed_order).status == "Fulfillment Error"


def _post_with_callbacks(client, url):
    with capture_on_commit_callbacks(execute=True):
        return client.post(url)
