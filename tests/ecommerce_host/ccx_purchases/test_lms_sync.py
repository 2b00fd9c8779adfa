"""
The LMS side of a purchase, at the HTTP edge (``responses``): the client, the sync task and its retries.
"""
import json

import pytest
import requests
import responses
from django.conf import settings
from edx_django_utils.cache import TieredCache

from ecommerce_plugin.ccx_purchases import sync, tasks
from ecommerce_plugin.ccx_purchases.lms import CcxApi, LmsRejected, LmsUnavailable
from ecommerce_plugin.ccx_purchases.models import CcxPurchase

from .conftest import MASTER, module, upgrade

LMS = settings.COMMERCE_LMS_URL_ROOT.rstrip("/")
TOKEN_URL = f"{settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL}/access_token"
LIST_URL = f"{LMS}/api/ccx/v1/ccx/"


def put_url(external_id):
    return f"{LMS}/api/ccx/v1/ccx/external/{external_id}"


def ccx_body(external_id, seats, modules, ccx_id="ccx-v1:edX+CCX101+2026+ccx@1"):
    return {
        "ccx_course_id": ccx_id, "master_course_id": MASTER, "display_name": "Fall term",
        "coach_email": "coach@example.com", "max_students_allowed": seats, "course_modules": list(modules),
        "start": "2026-01-05T00:00:00Z", "due": None, "external_id": str(external_id),
    }


@pytest.fixture(autouse=True)
def _eager_retries(settings):
    """Eager tasks run their retries in-process only when they do not propagate the Retry."""
    # The Django setting celery reads (its unprefixed key does not override it on celery 5.4, Otto's).
    settings.CELERY_TASK_EAGER_PROPAGATES = False


@pytest.fixture
def lms():
    TieredCache.dangerous_clear_all_tiers()  # the service token is cached
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        mocked.post(TOKEN_URL, json={"access_token": "service.jwt", "expires_in": 3600, "token_type": "JWT"})
        yield mocked


def puts(lms):
    return [call for call in lms.calls if call.request.method == "PUT"]


def test_the_put_carries_the_v0_fields_of_the_purchase_and_a_service_jwt(lms, purchase):
    lms.put(put_url(purchase.external_id), status=201, json=ccx_body(purchase.external_id, 10, purchase.modules))
    tasks.sync_ccx_purchase.delay(CcxPurchase.objects.get().id)
    (call,) = puts(lms)
    assert call.request.headers["Authorization"] == "JWT service.jwt"
    assert json.loads(call.request.body) == {
        "master_course_id": MASTER, "coach_email": "coach@example.com", "display_name": "Fall term",
        "max_students_allowed": 10, "course_modules": [module(1), module(2)], "external_id": purchase.external_id,
    }
    stored = CcxPurchase.objects.get()
    assert (stored.sync_state, stored.ccx_course_id, stored.synced_version) == (
        "in_sync", "ccx-v1:edX+CCX101+2026+ccx@1", 1
    )


def test_every_call_has_a_timeout(monkeypatch, lms, purchase):
    seen = []
    original = requests.Session.send

    def spy(self, request, **kwargs):
        seen.append(kwargs.get("timeout"))
        return original(self, request, **kwargs)

    monkeypatch.setattr(requests.Session, "send", spy)
    lms.get(LIST_URL, json={"results": []})
    lms.put(put_url(purchase.external_id), status=201, json=ccx_body(purchase.external_id, 10, purchase.modules))
    sync.sync_purchase(CcxPurchase.objects.get().id, ask_first=True)
    assert seen and all(timeout == settings.COMMERCE_LMS_REQUEST_TIMEOUT for timeout in seen)


def test_503s_are_retried_until_the_lms_recovers(lms, purchase):
    url = put_url(purchase.external_id)
    lms.put(url, status=503, json={"detail": "down"})
    lms.put(url, status=503, json={"detail": "down"})
    lms.put(url, status=200, json=ccx_body(purchase.external_id, 10, purchase.modules))
    tasks.sync_ccx_purchase.delay(CcxPurchase.objects.get().id)
    assert len(puts(lms)) == 3
    assert CcxPurchase.objects.get().sync_state == "in_sync"


def test_timeouts_are_retried(lms, purchase):
    url = put_url(purchase.external_id)
    lms.put(url, body=requests.ReadTimeout("slow"))
    lms.put(url, status=200, json=ccx_body(purchase.external_id, 10, purchase.modules))
    tasks.sync_ccx_purchase.delay(CcxPurchase.objects.get().id)
    assert CcxPurchase.objects.get().sync_state == "in_sync"


def test_a_4xx_is_not_retried_and_marks_the_purchase_failed_with_the_lms_code(lms, purchase):
    lms.put(
        put_url(purchase.external_id), status=400,
        json={"field_errors": {"coach_email": {"error_code": "invalid_coach_email"}}},
    )
    assert tasks.sync_ccx_purchase.delay(CcxPurchase.objects.get().id).get() == "failed"
    assert len(puts(lms)) == 1
    stored = CcxPurchase.objects.get()
    assert (stored.sync_state, stored.sync_error) == ("failed", "coach_email:invalid_coach_email")


def test_retries_that_run_out_leave_the_purchase_failed_for_the_groomer(settings, lms, purchase):
    settings.COMMERCE_CCX_SYNC_MAX_RETRIES = 2
    lms.put(put_url(purchase.external_id), status=502)
    assert tasks.sync_ccx_purchase.delay(CcxPurchase.objects.get().id).get() == "failed"
    assert len(puts(lms)) == 3
    stored = CcxPurchase.objects.get()
    assert (stored.sync_state, stored.sync_error, stored.sync_lease_token) == ("failed", "lms_http_502", "")


def test_backoff_grows_and_is_capped(settings):
    settings.COMMERCE_CCX_SYNC_RETRY_BACKOFF_MAX = 60
    assert 2.5 <= tasks.retry_countdown(0) <= 5
    assert 20 <= tasks.retry_countdown(3) <= 40
    assert 30 <= tasks.retry_countdown(10) <= 60


def test_a_purchase_someone_else_is_syncing_is_left_to_them(lms, purchase):
    purchase_id = CcxPurchase.objects.get().id
    assert sync.claim(purchase_id, "groomer")
    assert sync.sync_purchase(purchase_id) == sync.BUSY
    assert puts(lms) == []


def test_an_upgrade_landing_mid_sync_is_pushed_before_the_lease_is_let_go(lms, coach, purchase):
    url = put_url(purchase.external_id)

    def lms_answers_after_an_upgrade_landed(request):
        if len(puts(lms)) == 0:  # first PUT: meanwhile the teacher's upgrade is written
            CcxPurchase.objects.update(seats=20, version=2)
        body = json.loads(request.body)
        return 200, {}, json.dumps(ccx_body(purchase.external_id, body["max_students_allowed"], body["course_modules"]))

    lms.add_callback(responses.PUT, url, callback=lms_answers_after_an_upgrade_landed)
    assert sync.sync_purchase(CcxPurchase.objects.get().id) == sync.SYNCED
    assert [json.loads(c.request.body)["max_students_allowed"] for c in puts(lms)] == [10, 20]
    assert CcxPurchase.objects.get().synced_version == 2


def test_find_by_external_id_reads_the_paginated_list(lms):
    lms.get(LIST_URL, json={"count": 1, "results": [ccx_body("abc", 5, [module(1)])]})
    found = CcxApi().find_by_external_id("abc")
    assert (found.ccx_course_id, found.max_students_allowed) == ("ccx-v1:edX+CCX101+2026+ccx@1", 5)
    assert lms.calls[-1].request.params == {"external_id": "abc"}


def test_find_by_external_id_is_none_when_the_lms_has_none(lms):
    lms.get(LIST_URL, json={"count": 0, "results": []})
    assert CcxApi().find_by_external_id("abc") is None


def test_an_lms_that_cannot_be_reached_is_unavailable(lms):
    lms.get(LIST_URL, body=requests.ConnectionError("refused"))
    with pytest.raises(LmsUnavailable):
        CcxApi().find_by_external_id("abc")


def test_a_refused_service_token_is_a_rejection_not_an_outage():
    TieredCache.dangerous_clear_all_tiers()
    with responses.RequestsMock() as mocked:
        mocked.post(TOKEN_URL, status=401, json={"error": "invalid_client"})
        with pytest.raises(LmsRejected) as rejected:
            CcxApi().find_by_external_id("abc")
    assert rejected.value.error_code == "lms_auth_refused"


def test_a_paid_upgrade_queues_the_sync_after_commit(lms, coach, purchase, django_capture_on_commit_callbacks):
    lms.put(put_url(purchase.external_id), status=200, json=ccx_body(purchase.external_id, 12, purchase.modules))
    with django_capture_on_commit_callbacks(execute=True):
        upgrade(coach, purchase, [module(1), module(2)], 12)
    assert json.loads(puts(lms)[0].request.body)["max_students_allowed"] == 12
    assert CcxPurchase.objects.get().sync_state == "in_sync"
