"""
Fulfillment in-process (eager tasks, the LMS mocked with ``responses``): statuses, notes, retries.
"""
from datetime import timedelta

import pytest
import responses
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.fulfillment import api
from ecommerce_plugin.fulfillment.models import LineFulfillment

from .conftest import order_notes

Order = get_model("order", "Order")
ENROLL = platform.lms_url("/api/enrollment/v1/enrollment")

pytestmark = pytest.mark.django_db


@pytest.fixture
def lms():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        from django.conf import settings  # noqa: PLC0415

        mock.add(responses.POST, f"{settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL}/access_token",
                 json={"access_token": "t", "expires_in": 3600, "token_type": "JWT"})
        yield mock


def enrollment_calls(mock):
    return [call for call in mock.calls if call.request.url == ENROLL]


def test_a_paid_order_is_fulfilled_after_commit_and_noted(lms, place_seat_order, django_capture_on_commit_callbacks):
    lms.add(responses.POST, ENROLL, json={"is_active": True, "mode": "verified"})
    with django_capture_on_commit_callbacks(execute=True):
        number = place_seat_order("ada")
    order = Order.objects.get(number=number)
    assert order.status == "Complete"
    assert order.lines.get().status == "Complete"
    assert len(enrollment_calls(lms)) == 1
    assert order_notes(number)[-1] == "Order status changed from Open to Complete."


def test_nothing_is_fulfilled_in_the_checkout_transaction(lms, place_seat_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        number = place_seat_order("ada")
    assert Order.objects.get(number=number).status == "Open"
    assert enrollment_calls(lms) == []
    assert len(callbacks) == 1


def test_a_4xx_is_a_configuration_error_at_once(lms, place_seat_order, django_capture_on_commit_callbacks):
    lms.add(responses.POST, ENROLL, status=400, json={"message": "bad mode"})
    with django_capture_on_commit_callbacks(execute=True):
        number = place_seat_order("ada")
    order = Order.objects.get(number=number)
    assert order.status == "Fulfillment Error"
    assert order.lines.get().status == "Fulfillment Configuration Error"
    assert len(enrollment_calls(lms)) == 1


def test_server_errors_take_their_kind_after_the_last_retry(lms, place_seat_order, settings):
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    lms.add(responses.POST, ENROLL, status=503)
    number = place_seat_order("ada")  # on_commit does not run: drive the API as the task would
    report = api.fulfill_order(number, final_attempt=False)
    assert report.needs_retry and Order.objects.get(number=number).status == "Open"
    report = api.fulfill_order(number, final_attempt=True)
    order = Order.objects.get(number=number)
    assert order.status == "Fulfillment Error"
    assert order.lines.get().status == "Fulfillment Server Error"
    assert LineFulfillment.objects.get(line__order=order).attempts == 2


def test_staff_retry_reopens_failed_lines_and_never_refulfils_complete_ones(lms, place_seat_order, make_seat):
    number = place_seat_order("ada")
    order = Order.objects.get(number=number)
    line = order.lines.get()
    lms.add(responses.POST, ENROLL, status=503)
    api.fulfill_order(number, final_attempt=True)
    assert Order.objects.get(number=number).status == "Fulfillment Error"
    lms.replace(responses.POST, ENROLL, json={"is_active": True})
    with pytest.MonkeyPatch.context() as patch:
        queued = []
        patch.setattr("ecommerce_plugin.fulfillment.tasks.enqueue", lambda n, retry=False: queued.append(n))
        results = api.retry_fulfillment([number, "nope"])
    assert [r.error_code for r in results] == [None, "order_not_found"]
    assert Order.objects.get(number=number).status == "Open"
    api.fulfill_order(number)
    assert Order.objects.get(number=number).status == "Complete"
    calls = len(enrollment_calls(lms))
    api.fulfill_order(number)  # a late duplicate: the line is Complete, nothing is called or noted
    assert len(enrollment_calls(lms)) == calls
    assert api.retry_fulfillment([number])[0].error_code == "order_not_in_error"
    assert sum("fulfilled." in note for note in order_notes(number)) == 1
    assert line.id in [r.line_id for r in LineFulfillment.objects.all()]


def test_the_command_lists_and_retries_failed_orders(lms, place_seat_order, capsys, monkeypatch):
    number = place_seat_order("ada")
    lms.add(responses.POST, ENROLL, status=400)
    api.fulfill_order(number)
    call_command("retry_fulfillment", "--list")
    header, row, summary = capsys.readouterr().out.splitlines()
    assert header.split()[:3] == ["order", "placed", "(UTC)"] and row.split()[0] == str(number)
    assert summary == "retry_fulfillment: 1 order in Fulfillment Error."
    monkeypatch.setattr("ecommerce_plugin.fulfillment.tasks.enqueue", lambda n, retry=False: None)
    call_command("retry_fulfillment", "--all-failed")
    assert f"{number}: queued" in capsys.readouterr().out
    assert Order.objects.get(number=number).status == "Open"


def test_the_admin_action_retries_many_orders(lms, place_seat_order, admin_client, monkeypatch):
    numbers = [place_seat_order(name) for name in ("ada", "bob")]
    lms.add(responses.POST, ENROLL, status=400)
    for number in numbers:
        api.fulfill_order(number)
    assert admin_client.get("/admin/commerce_fulfillment/failedfulfillmentorder/").status_code == 200
    monkeypatch.setattr("ecommerce_plugin.fulfillment.tasks.enqueue", lambda n, retry=False: None)
    ids = list(Order.objects.filter(number__in=numbers).values_list("id", flat=True))
    admin_client.post("/admin/commerce_fulfillment/failedfulfillmentorder/",
                      {"action": "retry_fulfillment", "_selected_action": ids})
    assert set(Order.objects.filter(number__in=numbers).values_list("status", flat=True)) == {"Open"}


def test_orders_whose_enqueue_was_lost_are_queued_again(lms, place_seat_order, capsys, django_capture_on_commit_callbacks):
    lms.add(responses.POST, ENROLL, json={"is_active": True, "mode": "verified"})
    with django_capture_on_commit_callbacks(execute=False):  # the broker was down: nothing queued
        stuck = place_seat_order("ada")
        recent = place_seat_order("bob")
    Order.objects.filter(number=stuck).update(date_placed=timezone.now() - timedelta(minutes=30))

    call_command("retry_fulfillment", "--stuck-open", "10")

    assert capsys.readouterr().out.splitlines() == [
        f"{stuck}: queued (stuck Open)",
        "retry_fulfillment: 1 order stuck Open for more than 10 minutes queued again.",
    ]
    assert Order.objects.get(number=stuck).status == "Complete"
    assert Order.objects.get(number=recent).status == "Open"
    assert len(enrollment_calls(lms)) == 1
