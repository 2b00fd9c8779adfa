"""
The groomer (at the HTTP edge, with ``responses``), the course payload and purchase API, the admin retry.
"""
import json
from io import StringIO

import pytest
import responses
from django.contrib.admin.sites import site
from django.core.management import call_command
from django.core.management.base import CommandError
from edx_django_utils.cache import TieredCache
from rest_framework.test import APIClient

from ecommerce_plugin.ccx_purchases import sync
from ecommerce_plugin.ccx_purchases.models import CcxPurchase

from .conftest import MASTER, buy, module
from .test_lms_sync import LIST_URL, TOKEN_URL, ccx_body, put_url


@pytest.fixture
def lms():
    TieredCache.dangerous_clear_all_tiers()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        mocked.post(TOKEN_URL, json={"access_token": "service.jwt", "expires_in": 3600, "token_type": "JWT"})
        yield mocked


def groom(*args):
    out = StringIO()
    call_command("groom_ccx_purchases", "--no-progress", "--workers", "1", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def methods(lms):
    return [call.request.method for call in lms.calls if "oauth2" not in call.request.url]


def test_groomer_creates_the_missing_ccx_after_asking_first(lms, purchase):
    lms.get(LIST_URL, json={"count": 0, "results": []})
    lms.put(put_url(purchase.external_id), status=201, json=ccx_body(purchase.external_id, 10, purchase.modules))
    summary = groom()
    assert methods(lms) == ["GET", "PUT"]
    assert "1 purchases checked" in summary and "synced: 1" in summary
    assert CcxPurchase.objects.get().sync_state == "in_sync"


def test_groomer_only_records_a_ccx_the_lms_already_has(lms, purchase):
    # The task's PUT reached the LMS but its answer was lost: asking first avoids a write.
    lms.get(LIST_URL, json={"count": 1, "results": [ccx_body(purchase.external_id, 10, purchase.modules)]})
    assert "already_in_sync: 1" in groom()
    assert methods(lms) == ["GET"]
    stored = CcxPurchase.objects.get()
    assert (stored.sync_state, stored.ccx_course_id) == ("in_sync", "ccx-v1:edX+CCX101+2026+ccx@1")


def test_groomer_updates_an_lms_ccx_behind_ours(lms, purchase):
    lms.get(LIST_URL, json={"count": 1, "results": [ccx_body(purchase.external_id, 5, [module(1)])]})
    lms.put(put_url(purchase.external_id), status=200, json=ccx_body(purchase.external_id, 10, purchase.modules))
    groom()
    assert methods(lms) == ["GET", "PUT"]


def test_groomer_dry_run_changes_nothing(lms, purchase):
    lms.get(LIST_URL, json={"count": 0, "results": []})
    assert "dry run" in groom("--dry-run") and "would_sync: 1" in groom("--dry-run")
    assert "PUT" not in methods(lms)
    assert CcxPurchase.objects.get().sync_state == "pending"


def test_groomer_skips_purchases_in_sync_unless_asked_for_all(lms, purchase):
    CcxPurchase.objects.update(sync_state="in_sync", synced_version=1, ccx_course_id="ccx-v1:x+y+z+ccx@1")
    assert "nothing to do" in groom()
    lms.get(LIST_URL, json={"count": 0, "results": []})  # the LMS lost it
    lms.put(put_url(purchase.external_id), status=201, json=ccx_body(purchase.external_id, 10, purchase.modules))
    assert "synced: 1" in groom("--all")


def test_groomer_skips_a_purchase_a_task_is_syncing(lms, purchase):
    assert sync.claim(CcxPurchase.objects.get().id, "task")
    assert "busy: 1" in groom()
    assert methods(lms) == []


def test_groomer_reports_an_lms_outage_and_leaves_the_purchase_to_a_later_run(lms, purchase):
    lms.get(LIST_URL, status=503)
    out = StringIO()
    with pytest.raises(CommandError, match="1 purchases not groomed: the LMS was unavailable or refused"):
        call_command("groom_ccx_purchases", "--no-progress", "--workers", "1", stdout=out, stderr=StringIO())
    assert "lms_unavailable: 1" in out.getvalue()
    assert CcxPurchase.objects.get().sync_lease_token == ""


@pytest.mark.parametrize("workers", ["0", "-1", "many"])
def test_groomer_refuses_a_bad_number_of_workers(lms, purchase, workers):
    with pytest.raises(CommandError, match="argument --workers"):
        call_command("groom_ccx_purchases", "--no-progress", "--workers", workers, stdout=StringIO())
    assert methods(lms) == []


def test_groomer_with_nothing_to_groom_says_so(lms, db):
    assert "0 purchases checked" in groom() and "nothing to do" in groom()


def test_course_payload_merges_the_callers_purchases(client_for, coach, make_user, purchase):
    buy(make_user("someone_else"), [module(3)], 1)
    body = client_for(coach).get(f"/api/commerce/v1/ccx/courses/{MASTER}/").json()
    assert body["master_course_id"] == MASTER
    assert [(m["usage_key"], m["price_per_seat"]) for m in body["modules"]][:2] == [
        (module(1), "1.00"), (module(2), "2.00")
    ]
    assert [(p["external_id"], p["seats"], p["modules"], p["sync_state"]) for p in body["purchases"]] == [
        (purchase.external_id, 10, [module(1), module(2)], "pending")
    ]


def test_unknown_course_is_a_404_with_a_code(client_for, coach, ccx_course):
    response = client_for(coach).get("/api/commerce/v1/ccx/courses/course-v1:edX+Nope+1/")
    assert (response.status_code, response.json()["error_code"]) == (404, "ccx_course_not_found")


def test_quote_api_prices_an_upgrade(client_for, coach, purchase):
    response = client_for(coach).post(
        "/api/commerce/v1/ccx/quotes/",
        {"purchase": purchase.external_id, "modules": [module(1), module(2)], "seats": 12}, format="json",
    )
    assert response.status_code == 200
    assert (response.json()["amount_paid"], response.json()["amount_due"]) == ("30.00", "6.00")
    # Formatted as the shop formats money, for a page to show as is (the buy page's live price).
    assert (response.json()["total_display"], response.json()["amount_paid_display"],
            response.json()["amount_due_display"]) == ("$36.00", "$30.00", "$6.00")


def test_basket_lines_api_then_checkout_api_buys_a_ccx(client_for, coach, ccx_course):
    client = client_for(coach)
    added = client.post(
        "/api/commerce/v1/ccx/basket/lines/",
        {"master_course_id": MASTER, "modules": [module(1)], "seats": 3, "display_name": "Spring"}, format="json",
    )
    assert added.status_code == 201 and added.json()["quote"]["amount_due"] == "3.00"
    paid = client.post(
        "/api/commerce/v1/checkout/", {"basket_id": added.json()["basket_id"], "card_number": "4111111111111111"},
        format="json",
    )
    assert paid.status_code == 201 and paid.json()["total_incl_tax"] == "3.00"
    (listed,) = client.get("/api/commerce/v1/ccx/purchases/").json()
    detail = client.get(f"/api/commerce/v1/ccx/purchases/{listed['external_id']}/").json()
    assert (detail["display_name"], detail["seats"], detail["sync_state"]) == ("Spring", 3, "pending")


def test_basket_lines_api_refuses_a_downgrade_with_a_code(client_for, coach, purchase):
    response = client_for(coach).post(
        "/api/commerce/v1/ccx/basket/lines/",
        {"purchase": purchase.external_id, "modules": [module(1), module(2)], "seats": 2}, format="json",
    )
    assert (response.status_code, response.json()["error_code"]) == (400, "seats_decreased")


def test_basket_lines_api_needs_a_course_or_a_purchase(client_for, coach, purchase):
    response = client_for(coach).post(
        "/api/commerce/v1/ccx/basket/lines/", {"modules": [module(1)], "seats": 2}, format="json"
    )
    assert (response.status_code, response.json()["error_code"]) == (400, "invalid_request")


def test_someone_elses_purchase_is_a_404(client_for, make_user, purchase):
    response = client_for(make_user("intruder")).get(f"/api/commerce/v1/ccx/purchases/{purchase.external_id}/")
    assert response.status_code == 404


def test_staff_see_sync_state_in_admin_and_retry(lms, make_user, purchase, django_capture_on_commit_callbacks):
    CcxPurchase.objects.update(sync_state="failed", sync_error="lms_http_503")
    staff = make_user("staff", is_staff=True, is_superuser=True)
    client = APIClient()
    client.force_login(staff)
    listing = client.get("/admin/commerce_ccx_purchases/ccxpurchase/")
    assert listing.status_code == 200 and b"lms_http_503" in listing.content
    lms.put(put_url(purchase.external_id), status=201, json=ccx_body(purchase.external_id, 10, purchase.modules))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/commerce_ccx_purchases/ccxpurchase/",
            {"action": "retry_lms_sync", "_selected_action": [CcxPurchase.objects.get().pk]},
        )
    assert response.status_code == 302
    assert CcxPurchase.objects.get().sync_state == "in_sync"
    assert json.loads(lms.calls[-1].request.body)["max_students_allowed"] == 10
    assert CcxPurchase in site._registry
