"""
Fulfillment with a real Redis broker, real celery workers and a real sandbox LMS (services pass).

The ecommerce worker reaches the LMS through ``LmsProxy`` (SANDBOX_LMS_URL_ROOT), which can
refuse the first enrollment calls with 503 or hold an answer while the test kills the worker.
"""
import os
import signal
import time
from types import SimpleNamespace

import pytest
from oscar.core.loading import get_model

from ecommerce_plugin.fulfillment.models import LineFulfillment
from ecommerce_plugin.fulfillment.tasks import fulfill_order, task_id_for
from support.processes import celery_worker, host_server

from .conftest import DEMO_COURSE, order_notes
from .lms_stack import LmsProxy, lms_enrollment

Order = get_model("order", "Order")

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VISIBILITY_TIMEOUT = "4"


@pytest.fixture
def lms_server(lms_database):
    with host_server("lms", extra_env={"DATABASE_URL": "", "SANDBOX_DATABASE_NAME": lms_database["path"]},
                     workers=2) as url:
        yield url


@pytest.fixture
def stack(lms_server, lms_database, lms_learner, place_seat_order, broker_sends):
    """
    A running LMS, its database, a learner known to it, the order helper; the broker purged.
    """
    purge_queue(broker_sends)
    return SimpleNamespace(lms_url=lms_server, lms_db=lms_database["path"], learner=lms_learner,
                           place_order=place_seat_order)


def worker_env(proxy):
    return {"SANDBOX_LMS_URL_ROOT": proxy.url, "CELERY_REDIS_VISIBILITY_TIMEOUT": VISIBILITY_TIMEOUT}


def purge_queue(app):
    with app.connection_for_write() as conn:
        app.control.purge(connection=conn)


def wait_for_status(number, status, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = Order.objects.get(number=number).status
        if current == status:
            return
        time.sleep(0.2)
    raise AssertionError(f"order {number} is {current}, not {status}, after {timeout}s")


def expected_notes(number):
    line = Order.objects.get(number=number).lines.get()
    return [f"Line {line.id} ({line.title}) fulfilled.", "Order status changed from Open to Complete."]


def test_order_completes_after_the_lms_answers_503_to_the_first_tries(stack, tmp_path):
    with LmsProxy(stack.lms_url, fail_first=3) as proxy, celery_worker(
        "ecommerce", extra_env=worker_env(proxy), log_path=tmp_path / "worker.log"
    ):
        number = stack.place_order(stack.learner)
        wait_for_status(number, "Complete", timeout=60)
    assert proxy.refused == 3
    assert lms_enrollment(stack.lms_db, stack.learner, DEMO_COURSE) == ("verified", True, 1)
    assert LineFulfillment.objects.get(line__order__number=number).attempts == 4
    assert order_notes(number) == expected_notes(number)


def test_worker_killed_mid_task_is_redelivered_and_enrolls_once(stack, tmp_path):
    with LmsProxy(stack.lms_url, hold_seconds=60) as proxy:
        with celery_worker("ecommerce", extra_env=worker_env(proxy), log_path=tmp_path / "worker1.log") as first:
            number = stack.place_order(stack.learner)
            assert proxy.forwarded.wait(60), "the worker never called the LMS"
            taken = time.monotonic()
            # The LMS has enrolled the learner; the worker dies before it hears so or commits.
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(10)
        assert Order.objects.get(number=number).status == "Open"
        proxy.hold_seconds = 0
        # The next worker starts once the task is past the visibility timeout, as after a real
        # outage: every kombu restores such a task when a worker starts, while kombu 5.3 (Otto's)
        # has no unacked_restore_interval and sweeps again only every 100 s.
        time.sleep(max(0.0, taken + int(VISIBILITY_TIMEOUT) + 1 - time.monotonic()))
        with celery_worker("ecommerce", extra_env=worker_env(proxy), log_path=tmp_path / "worker2.log"):
            wait_for_status(number, "Complete", timeout=60)
    assert proxy.enrollment_posts == 2  # the redelivered task asked again; the LMS answered the same enrollment
    assert lms_enrollment(stack.lms_db, stack.learner, DEMO_COURSE) == ("verified", True, 1)
    assert order_notes(number) == expected_notes(number)


def test_the_same_task_delivered_twice_enrolls_once_and_notes_once(stack, tmp_path):
    log_path = tmp_path / "worker.log"
    with LmsProxy(stack.lms_url) as proxy:
        number = stack.place_order(stack.learner)  # first delivery, queued (no worker yet)
        fulfill_order.apply_async(args=[number], task_id=task_id_for(number))  # the same task again
        with celery_worker("ecommerce", concurrency=2, extra_env=worker_env(proxy), log_path=log_path):
            wait_for_status(number, "Complete", timeout=60)
            deadline = time.monotonic() + 30
            marker = f"fulfill_order[{task_id_for(number)}] succeeded"
            while time.monotonic() < deadline and log_path.read_text().count(marker) < 2:
                time.sleep(0.2)
        assert log_path.read_text().count(marker) == 2, "both deliveries should have run"
    assert proxy.enrollment_posts == 1
    assert lms_enrollment(stack.lms_db, stack.learner, DEMO_COURSE) == ("verified", True, 1)
    assert order_notes(number) == expected_notes(number)
