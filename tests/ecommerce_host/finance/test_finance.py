"""
Finance: roles on every financial endpoint, course facts from the LMS, and the audits.
"""
import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from ecommerce_host.finance.support import refund
from ecommerce_host.registration_codes.support import COURSE
from oscar.core.loading import get_model

from ecommerce_plugin.finance import api
from ecommerce_plugin.finance.models import CourseFacts, CourseRole
from ecommerce_plugin.registration_codes import api as codes_api
from support.clients import client_for

StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def money(make_user, grant):
    user = make_user("money")
    grant(user, "finance_admin")
    return user


@pytest.fixture
def sales(buy_seats, seat, make_user, grant, committed, fake_lms):  # noqa: PLR0917
    """
    Two learners and one staff member buy a seat each, a company buys 3 seats (one redeemed by a
    learner, one by staff), and the processor refunds one learner.
    """
    teacher = make_user("teacher")
    grant(teacher, "staff")
    buy_seats(seat, 1, "alice")
    bob_order = buy_seats(seat, 1, "bob")
    buy_seats(seat, 1, "teacher")
    codes = codes_api.codes_for_order(buy_seats(seat, 3, "company"))
    with committed():
        codes_api.redeem(make_user("carol"), codes[0].code)
        codes_api.redeem(teacher, codes[1].code)
    refund(bob_order, Decimal("100.00"))
    CourseFacts.objects.create(course_key=COURSE, total_enrolled=5, staff_enrolled=1, students_enrolled=4,
                               synced_at=timezone.now(),
                               modes=[{"mode_slug": "verified", "paid": True, "students_enrolled": 4,
                                       "staff_enrolled": 1}])
    return seat


def test_enrollment_audit_counts_staff_once(sales):
    (row,) = api.enrollment_audit()
    assert (row.paid_enrolled, row.staff_enrolled, row.single_seat_purchases, row.redeemed_codes) == (5, 1, 2, 1)
    assert row.unaccounted == 1


def test_payment_audit_reconciles_refunds(sales):
    (row,) = api.payment_audit()
    assert row.shop_total == Decimal("600.00")  # 3 single seats + 3 codes at 100
    assert row.processor_charged == Decimal("600.00")
    assert row.processor_refunded == Decimal("100.00")
    assert (row.processor_net, row.difference) == (Decimal("500.00"), Decimal("0.00"))


def test_seats_sold_counts_purchases_and_codes(sales, money, committed):
    from ecommerce_plugin.invoices import api as invoices_api  # noqa: PLC0415

    with committed():
        invoice = invoices_api.issue_invoice(money, sku=sales.sku, company_name="Acme", contact_name="Ada",
                                             contact_email="ada@acme.test", reference="INV-9",
                                             price_per_seat=Decimal("50"), quantity=2)
    invoices_api.mark_paid(money, invoice.id)
    (row,) = api.seats_sold()
    assert (row.single_seat_purchases, row.codes_from_purchases, row.codes_from_invoices, row.seats_sold) == (3, 3, 2, 8)
    assert (row.invoiced_total, row.invoiced_paid) == (Decimal("100.00"), Decimal("100.00"))


def audit_queries(function):
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


@pytest.mark.parametrize("audit", [api.enrollment_audit, api.payment_audit, api.seats_sold])
def test_audit_query_counts_do_not_grow_with_the_data(  # noqa: PLR0917
    sales, buy_seats, seat, make_user, grant, audit,
                                                      django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        audit()
    before = audit_queries(audit)
    for index in range(4):
        buy_seats(seat, 1, f"more{index}")
        buy_seats(seat, 2, f"bulk{index}")
        grant(make_user(f"staff{index}"), "staff")
    assert audit_queries(audit) == before


def test_the_audit_commands_write_csv(sales, tmp_path):
    out = io.StringIO()
    call_command("audit_enrollments", stdout=out, stderr=io.StringIO())
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["course_key"] == COURSE and rows[0]["redeemed_codes"] == "1"
    path = tmp_path / "payments.csv"
    call_command("audit_payments", "--course", COURSE, "--output", str(path), stdout=io.StringIO())
    assert list(csv.DictReader(path.open()))[0]["processor_refunded"] == "100.00"
    call_command("audit_seats_sold", stdout=out, stderr=io.StringIO())


def test_the_report_page_draws_a_chart(sales, money, client):
    client.force_login(money)
    page = client.get(f"/commerce/finance/reports/enrollments/{COURSE}/").content.decode()
    assert "<svg" in page and "<rect" in page
    assert COURSE in client.get("/commerce/finance/reports/").content.decode()


@pytest.mark.parametrize("audit", ["enrollments", "payments", "seats-sold"])
def test_audits_are_for_finance_admins_only(sales, make_user, grant, client, audit):
    teacher = make_user("other-teacher")
    grant(teacher, "staff")
    api_response = client_for(teacher).get(f"/api/commerce/v1/finance/audits/{audit}/", {"course_key": COURSE})
    assert (api_response.status_code, api_response.json()["error_code"]) == (403, "not_finance_admin")
    client.force_login(teacher)
    assert client.get(f"/commerce/finance/reports/{audit}/{COURSE}/").status_code == 403


def test_a_finance_admin_reads_an_audit_as_json_and_csv(sales, money):
    body = client_for(money).get("/api/commerce/v1/finance/audits/payments/", {"course_key": COURSE}).json()
    assert body[0]["processor_refunded"] == "100.00"
    csv_body = client_for(money).get("/api/commerce/v1/finance/audits/payments/",
                                     {"course_key": COURSE, "output": "csv"}).content.decode()
    assert csv_body.startswith("course_key,course_title,computed_at,currency,shop_total")


def test_only_a_finance_admin_changes_a_price(seat, money, make_user, grant):
    teacher = make_user("teacher")
    grant(teacher, "staff")
    url = f"/api/commerce/v1/finance/seats/{seat.sku}/price/"
    refused = client_for(teacher).put(url, {"price": "1.00"}, format="json")
    assert (refused.status_code, refused.json()["error_code"]) == (403, "not_finance_admin")
    assert StockRecord.objects.get(partner_sku=seat.sku).price == Decimal("100.00")
    changed = client_for(money).put(url, {"price": "120.00"}, format="json")
    assert changed.status_code == 200
    assert StockRecord.objects.get(partner_sku=seat.sku).price == Decimal("120.00")


def test_course_facts_and_staff_come_from_the_lms(seat, fake_lms, make_user):
    teacher = make_user("teacher")
    CourseRole.objects.create(user=make_user("gone"), course_key=COURSE, role="staff", source="lms")
    admin_granted = CourseRole.objects.create(user=make_user("kept"), course_key=COURSE, role="finance_admin")
    fake_lms.facts[COURSE] = {
        "course_key": COURSE, "enrollment_start": None, "enrollment_end": None,
        "max_student_enrollments_allowed": 2, "total_enrolled": 3, "staff_enrolled": 1, "students_enrolled": 2,
        "is_enrollment_open": True, "is_full": True, "staff_usernames": ["teacher", "not-in-ecommerce"],
        "finance_admin_usernames": [],
    }
    call_command("sync_course_facts", stdout=io.StringIO())
    assert api.may_manage_coupons(teacher, COURSE)
    assert set(CourseRole.objects.values_list("user__username", flat=True)) == {"teacher", "kept"}
    assert CourseRole.objects.filter(id=admin_granted.id).exists()
    assert api.enrollment_refusal(COURSE).error_code == "course_full"
