"""
The three audits against the source document's equations, on one seeded course with a paid mode
(verified, 100) and a free one (audit), learners and course staff, before and after a course
facts sync.

    num_course_enrollments = purchased paid registrations + redeemed codes + course staff + manual
    total in the gateway + refunds = total of single seats + total of code purchases
    num_seats_sold = purchased paid registrations + codes generated

The LMS answers as its course-facts endpoint does (``lms_plugin.paid_enrollments``; the LMS suite
checks that endpoint's counts per mode on a real enrollment table).
"""
import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from ecommerce_host.finance.support import refund
from ecommerce_host.registration_codes.support import COURSE
from oscar.core.loading import get_model

from ecommerce_plugin.finance import api
from ecommerce_plugin.finance.data import DateRange
from ecommerce_plugin.registration_codes import api as codes_api
from support.clients import client_for

Order = get_model("order", "Order")

# What the LMS has: verified (paid) alice, bob and carol (bought or redeemed), dave (enrolled by
# hand), teacher (staff, who also bought a seat and redeemed a code to test the course); audit
# (free) erin, frank and gina, and ta (staff).
LMS_FACTS = {
    "course_key": COURSE, "course_title": "Demonstration Course", "enrollment_start": None,
    "enrollment_end": None, "max_student_enrollments_allowed": None, "total_enrolled": 9, "staff_enrolled": 2,
    "students_enrolled": 7, "is_enrollment_open": True, "is_full": False,
    "staff_usernames": ["ta", "teacher"], "finance_admin_usernames": ["money"],
    "modes": [
        {"mode_slug": "audit", "paid": False, "students_enrolled": 3, "staff_enrolled": 1},
        {"mode_slug": "verified", "paid": True, "students_enrolled": 4, "staff_enrolled": 1},
    ],
}


@pytest.fixture
def shop(buy_seats, seat, make_seat, make_user, committed, fake_lms):  # noqa: PLR0917
    """
    The shop's side: single seats for alice, bob and teacher; 3 codes bought by a company (carol
    and teacher redeem one each); erin's free audit seat; the processor refunds bob.
    """
    audit_seat = make_seat(course_key=COURSE, certificate_type="", price="0.00", sku="AUDI-DEMO")
    teacher, money = make_user("teacher"), make_user("money")
    make_user("ta")
    buy_seats(seat, 1, "alice")
    bob_order = buy_seats(seat, 1, "bob")
    buy_seats(seat, 1, "teacher")
    codes = codes_api.codes_for_order(buy_seats(seat, 3, "company"))
    buy_seats(audit_seat, 1, "erin")
    with committed():
        codes_api.redeem(make_user("carol"), codes[0].code)
        codes_api.redeem(teacher, codes[1].code)
    refund(bob_order, Decimal("100.00"))
    fake_lms.facts[COURSE] = LMS_FACTS
    return {"money": money, "bob_order": bob_order}


def sync():
    call_command("sync_course_facts", stdout=io.StringIO())


def test_before_a_sync_the_enrollment_audit_says_never_synced_not_a_negative_number(shop):
    (row,) = api.enrollment_audit()
    assert (row.synced_at, row.paid_enrolled, row.staff_enrolled, row.unaccounted) == (None, None, None, None)
    assert (row.free_enrolled, row.free_staff_enrolled) == (None, None)
    # Nobody is known as staff yet: the teacher's purchase and redemption still count.
    assert (row.single_seat_purchases, row.redeemed_codes) == (3, 2)
    assert row.paid_modes == "verified"


def test_after_a_sync_paid_enrollments_equal_purchases_codes_staff_and_manual(shop):
    sync()
    (row,) = api.enrollment_audit()
    assert row.synced_at is not None
    assert row.paid_enrolled == 5  # alice, bob, carol, dave, teacher
    assert (row.single_seat_purchases, row.redeemed_codes, row.staff_enrolled) == (2, 1, 1)
    assert row.unaccounted == 1  # dave, enrolled by hand
    assert row.paid_enrolled == row.single_seat_purchases + row.redeemed_codes + row.staff_enrolled + row.unaccounted


def test_free_mode_learners_are_shown_apart_and_never_unaccounted(shop):
    sync()
    (row,) = api.enrollment_audit()
    assert (row.free_modes, row.free_enrolled, row.free_staff_enrolled) == ("audit", 3, 1)
    assert row.unaccounted == 1  # erin's free seat and the audit learners are not in it


def test_a_shop_refunded_line_is_no_purchase(shop):
    from ecommerce_plugin.fulfillment.status import LINE  # noqa: PLC0415

    sync()
    shop["bob_order"].lines.update(status=LINE.REFUNDED)
    (row,) = api.enrollment_audit()
    assert row.single_seat_purchases == 1
    assert row.unaccounted == 2  # bob is still enrolled: the audit shows it


def test_the_payment_audit_balances_with_refunds_added_back(shop):
    (row,) = api.payment_audit()
    # single seats 3 x 100 + codes 3 x 100 + the free seat; the processor charged the same.
    assert (row.shop_total, row.processor_charged, row.processor_refunded) == (
        Decimal("600.00"), Decimal("600.00"), Decimal("100.00"))
    assert row.processor_net + row.processor_refunded == row.shop_total
    assert (row.difference, row.currency, row.course_title) == (Decimal("0.00"), "USD", "Demonstration Course")


def test_seats_sold_counts_staff_purchases_as_the_document_says(shop):
    sync()
    (row,) = api.seats_sold()
    # alice, bob, teacher, erin (free seat) + 3 codes
    assert (row.single_seat_purchases, row.codes_from_purchases, row.codes_from_invoices) == (4, 3, 0)
    assert row.seats_sold == 7


def test_a_date_range_limits_the_payment_and_seats_audits(shop):
    Order.objects.filter(number=shop["bob_order"].number).update(date_placed=timezone.now() - timedelta(days=40))
    last_month = DateRange(since=timezone.localdate() - timedelta(days=45), until=timezone.localdate() - timedelta(days=35))
    (payments,) = api.payment_audit(period=last_month)
    assert (payments.shop_total, payments.processor_refunded) == (Decimal("100.00"), Decimal("100.00"))
    (seats,) = api.seats_sold(period=last_month)
    assert (seats.single_seat_purchases, seats.codes_from_purchases, seats.seats_sold) == (1, 0, 1)
    (recent,) = api.seats_sold(period=DateRange(since=timezone.localdate()))
    assert recent.seats_sold == 6


def report(client, shop, audit, **params):
    client.force_login(shop["money"])
    return client.get(f"/commerce/finance/reports/{audit}/{COURSE}/", params)


def test_the_report_page_says_never_synced_with_titled_columns(shop, grant, client):
    grant(shop["money"], "finance_admin")
    page = report(client, shop, "enrollments").content.decode()
    assert 'data-synced="never"' in page and "never synced" in page
    assert "-1" not in page and "Enrolled in paid modes" in page and "Learners in free modes" in page
    assert "Demonstration Course" in page and "data as of" in page
    assert 'name="since"' not in page  # the enrollment equation covers the whole course


def test_the_report_page_after_a_sync_shows_when_the_lms_counts_are_from(shop, grant, client):
    grant(shop["money"], "finance_admin")
    sync()
    page = report(client, shop, "enrollments").content.decode()
    assert 'data-synced="yes"' in page and "LMS enrollment counts: data as of" in page
    assert '<text class="finance-bar-value"' in page and 'class="finance-axis"' in page
    assert ">enrollments</text>" in page


def test_money_is_written_in_the_shop_currency_format(shop, grant, client):
    grant(shop["money"], "finance_admin")
    page = report(client, shop, "payments").content.decode()
    assert "$600.00" in page and "$100.00" in page
    assert "600.00</td>" not in page.replace("$600.00</td>", "")


def test_the_report_page_takes_a_date_range(shop, grant, client):
    grant(shop["money"], "finance_admin")
    today = timezone.localdate()
    page = report(client, shop, "seats-sold", since=str(today + timedelta(days=1))).content.decode()
    assert 'name="since"' in page and "<td data-kind=\"count\">0</td>" in page
    refused = report(client, shop, "seats-sold", since=str(today), until=str(today - timedelta(days=1)))
    assert refused.status_code == 400


def test_the_csv_download_is_a_file_with_a_header_row(shop, grant):
    grant(shop["money"], "finance_admin")
    response = client_for(shop["money"]).get(
        "/api/commerce/v1/finance/audits/enrollments/", {"course_key": COURSE, "output": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="enrollments-course-v1_edX_DemoX')
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert (row["paid_enrolled"], row["unaccounted"], row["synced_at"]) == ("", "", "")


def test_an_empty_csv_still_has_its_header_row(shop, grant):
    grant(shop["money"], "finance_admin")
    tomorrow = str(timezone.localdate() + timedelta(days=1))
    response = client_for(shop["money"]).get(
        "/api/commerce/v1/finance/audits/payments/", {"course_key": COURSE, "output": "csv", "since": tomorrow})
    header, row = response.content.decode().splitlines()
    assert header.startswith("course_key,course_title,computed_at,currency,shop_total")
    assert row.split(",")[4] == "0.00"


def test_the_enrollment_audit_refuses_a_date_range_with_a_code(shop, grant):
    grant(shop["money"], "finance_admin")
    response = client_for(shop["money"]).get(
        "/api/commerce/v1/finance/audits/enrollments/", {"course_key": COURSE, "since": "2026-01-01"})
    assert (response.status_code, response.json()["error_code"]) == (400, "period_not_supported")


def test_a_date_that_is_no_date_is_a_400_with_field_errors(shop, grant):
    grant(shop["money"], "finance_admin")
    response = client_for(shop["money"]).get(
        "/api/commerce/v1/finance/audits/payments/", {"course_key": COURSE, "since": "soon"})
    assert (response.status_code, response.json()["error_code"]) == (400, "invalid_request")
    assert "since" in response.json()["field_errors"]


def test_the_commands_and_the_api_give_the_same_rows(shop, grant):
    grant(shop["money"], "finance_admin")
    sync()
    for command, audit in (("audit_enrollments", "enrollments"), ("audit_payments", "payments"),
                           ("audit_seats_sold", "seats-sold")):
        out = io.StringIO()
        call_command(command, "--course", COURSE, stdout=out, stderr=io.StringIO())
        body = client_for(shop["money"]).get(
            f"/api/commerce/v1/finance/audits/{audit}/", {"course_key": COURSE, "output": "csv"}).content.decode()
        drop = ("computed_at",)
        command_rows = [{k: v for k, v in r.items() if k not in drop} for r in csv.DictReader(io.StringIO(out.getvalue()))]
        api_rows = [{k: v for k, v in r.items() if k not in drop} for r in csv.DictReader(io.StringIO(body))]
        assert command_rows == api_rows
