"""
``retry_fulfillment``'s bad input, empty cases and dry runs: a CommandError naming the problem,
a summary line every time, nothing queued or reopened by a dry run.
"""
from datetime import timedelta
from io import StringIO

import pytest
import responses
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from kombu.exceptions import OperationalError
from oscar.core.loading import get_model

from .test_fulfillment_api import ENROLL, lms  # noqa: F401  (fixture)

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch):
    numbers = []
    monkeypatch.setattr("ecommerce_plugin.fulfillment.tasks.enqueue", lambda n, retry=False: numbers.append(n))
    return numbers


@pytest.fixture
def failed_order(lms, place_seat_order):  # noqa: F811
    from ecommerce_plugin.fulfillment import api  # noqa: PLC0415

    number = place_seat_order("ada")
    lms.add(responses.POST, ENROLL, status=400)
    api.fulfill_order(number)
    assert Order.objects.get(number=number).status == "Fulfillment Error"
    return number


def run(*args):
    out = StringIO()
    call_command("retry_fulfillment", *args, stdout=out)
    return out.getvalue().splitlines()


def test_list_says_no_orders_when_none_failed():
    assert run("--list") == ["retry_fulfillment: no orders in Fulfillment Error."]


def test_list_shows_readable_rows_under_a_header(failed_order):
    header, row, summary = run("--list")
    assert header.split() == ["order", "placed", "(UTC)", "user", "total", "failed", "lines"]
    number, _date, _time, user, total, currency, failed = row.split()
    assert (number, user, total, currency, failed) == (str(failed_order), "ada", "49.00", "USD", "1")
    assert summary == "retry_fulfillment: 1 order in Fulfillment Error."


def test_nothing_asked_is_a_command_error(queued):
    with pytest.raises(CommandError, match="Give order numbers, --all-failed, --stuck-open MINUTES or --list"):
        run()
    assert queued == []


@pytest.mark.parametrize("args", [("--list", "123"), ("--list", "--all-failed"), ("--list", "--stuck-open", "5")])
def test_list_refuses_to_be_combined_with_a_retry(args, queued):
    with pytest.raises(CommandError, match="--list only lists"):
        run(*args)
    assert queued == []


@pytest.mark.parametrize("minutes", ["0", "-5", "soon"])
def test_stuck_open_refuses_a_bad_number_of_minutes(minutes, queued):
    with pytest.raises(CommandError, match="argument --stuck-open"):
        run("--stuck-open", minutes)
    assert queued == []


def test_stuck_open_says_when_nothing_is_stuck(queued):
    assert run("--stuck-open", "10") == ["retry_fulfillment: no order stuck Open for more than 10 minutes."]
    assert queued == []


def test_stuck_open_dry_run_queues_nothing(lms, place_seat_order, queued, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=False):
        stuck = place_seat_order("ada")
    Order.objects.filter(number=stuck).update(date_placed=timezone.now() - timedelta(minutes=30))
    assert run("--stuck-open", "10", "--dry-run") == [
        f"{stuck}: would be queued (stuck Open)",
        "retry_fulfillment: 1 order stuck Open for more than 10 minutes would be queued again.",
    ]
    assert queued == [] and Order.objects.get(number=stuck).status == "Open"


def test_stuck_open_with_the_broker_down_is_a_command_error(lms, place_seat_order, monkeypatch,  # noqa: F811
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        stuck = place_seat_order("ada")
    Order.objects.filter(number=stuck).update(date_placed=timezone.now() - timedelta(minutes=30))

    def refused(number, retry=False):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr("ecommerce_plugin.fulfillment.tasks.enqueue", refused)
    with pytest.raises(CommandError, match="The broker refused the fulfillment task .*Connection refused"):
        run("--stuck-open", "1")
    assert Order.objects.get(number=stuck).status == "Open"


def test_all_failed_with_none_failed_says_so_and_succeeds(queued):
    assert run("--all-failed") == ["retry_fulfillment: no orders in Fulfillment Error; nothing to retry."]
    assert queued == []


def test_an_order_not_retried_makes_the_run_fail_after_the_others(failed_order, queued,
                                                                  django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError, match="Not retried: nope"):
        call_command("retry_fulfillment", "nope", str(failed_order), stdout=out)
    assert out.getvalue().splitlines() == [
        "nope: not retried (order_not_found)",
        f"{failed_order}: queued",
        "retry_fulfillment: 1 order queued, 1 not retried.",
    ]
    assert queued == [str(failed_order)] and Order.objects.get(number=failed_order).status == "Open"


def test_a_dry_run_retry_reopens_and_queues_nothing(failed_order, queued, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError, match="Not retried: nope"):
        call_command("retry_fulfillment", "--all-failed", "nope", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [
        "nope: not retried (order_not_found)",
        f"{failed_order}: would be queued",
        "retry_fulfillment: dry run, 1 order would be queued, 1 not retried.",
    ]
    assert queued == [] and Order.objects.get(number=failed_order).status == "Fulfillment Error"


@pytest.fixture
def broker_down(settings):
    """
    The deployed setting (tasks go to a broker) with a broker that refuses connections: nothing
    listens on port 9 of this host.

    Set as the host sets them, in Django's settings: celery 5.4 (Otto's) looks a key up under its
    ``CELERY_`` name in Django's settings before the unprefixed name set on ``app.conf``, so
    ``app.conf.task_always_eager = False`` did not take there and the tasks stayed in-process.
    """
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"


def test_a_retry_with_the_broker_down_fails_and_reopens_nothing(failed_order, broker_down,
                                                                django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, \
            pytest.raises(CommandError, match=r"the broker is unreachable \(.+\); nothing was reopened or queued"):
        call_command("retry_fulfillment", str(failed_order), stdout=out)
    assert "queued" not in out.getvalue() and callbacks == []
    assert Order.objects.get(number=failed_order).status == "Fulfillment Error"


def test_stuck_open_with_an_unreachable_broker_queues_nothing(lms, place_seat_order, broker_down,  # noqa: F811
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        stuck = place_seat_order("ada")
    Order.objects.filter(number=stuck).update(date_placed=timezone.now() - timedelta(minutes=30))
    out = StringIO()
    with pytest.raises(CommandError, match="the broker is unreachable"):
        call_command("retry_fulfillment", "--stuck-open", "1", stdout=out)
    assert out.getvalue() == ""


def test_a_dry_run_needs_no_broker(failed_order, broker_down):
    assert run("--all-failed", "--dry-run") == [
        f"{failed_order}: would be queued",
        "retry_fulfillment: dry run, 1 order would be queued, 0 not retried.",
    ]
