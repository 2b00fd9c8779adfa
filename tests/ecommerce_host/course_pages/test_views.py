"""
The course's e-commerce pages: each action through the features' API rules, confirmed on the
next page, and refused (403, with the reason) to the wrong role.
"""
import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client, override_settings
from django.utils import timezone
from ecommerce_host.registration_codes.support import COURSE, OTHER_COURSE
from oscar.core.loading import get_model

from ecommerce_plugin.invoices.models import Invoice
from ecommerce_plugin.registration_codes.models import RegistrationCode

StockRecord = get_model("partner", "StockRecord")
Voucher = get_model("voucher", "Voucher")
PAGE = f"/commerce/courses/{COURSE}/"


def browser_for(user):
    """A Django test client with CSRF checks on, as a browser is."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/commerce/courses/")  # a page with a form sets the CSRF cookie
    if settings.CSRF_COOKIE_NAME not in client.cookies:
        client.cookies[settings.CSRF_COOKIE_NAME] = _get_new_csrf_string()
    return client


def post(client, url, data):
    """POST as the page's form does; the confirmations are read, then shown (as the next page does)."""
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(url, {**data, "csrfmiddlewaretoken": token})
    response.confirmations = [str(message) for message in get_messages(response.wsgi_request)]
    if response.status_code == 302:
        client.get(response["Location"])
    return response


def confirmations(response):
    return response.confirmations


@pytest.fixture
def money(make_user, grant, seat):
    user = make_user("money")
    grant(user, "finance_admin")
    return user


@pytest.fixture
def teacher(make_user, grant, seat):
    user = make_user("teacher")
    grant(user, "staff")
    return user


@pytest.fixture
def stranger(make_user, grant, seat):
    user = make_user("stranger")
    grant(user, "finance_admin", course_key=OTHER_COURSE)
    return user


def invoice_form(seat, **fields):
    return {
        "sku": seat.sku, "company_name": "Acme", "contact_name": "Ada", "contact_email": "ada@acme.test",
        "reference": "INV-7", "price_per_seat": "80.00", "quantity": "3", **fields,
    }


def coupon_form(**fields):
    end = (timezone.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    return {"percentage": "20", "usage": Voucher.MULTI_USE, "max_uses": "10", "end_datetime": end, **fields}


# The course page and who sees it ----------------------------------------------------------------------


def test_the_index_lists_the_courses_the_user_has_a_role_in(money):
    page = browser_for(money).get("/commerce/courses/")
    assert page.status_code == 200
    assert f'data-course-key="{COURSE}"' in page.content.decode()


def test_a_finance_admin_sees_prices_coupons_and_invoices(money, seat):
    page = browser_for(money).get(PAGE).content.decode()
    assert 'id="seats-table"' in page and 'class="price-form"' in page
    assert 'id="coupon-form"' in page and 'id="invoice-form"' in page
    assert 'for="invoice_company_name"' in page and 'aria-describedby="invoice_contact_email_help' in page
    assert f'href="/commerce/finance/reports/seats-sold/{COURSE}/"' in page


def test_course_staff_see_coupons_but_not_prices_or_invoices(teacher):
    page = browser_for(teacher).get(PAGE).content.decode()
    assert 'id="coupon-form"' in page and 'class="buy-form"' in page
    assert 'id="invoice-form"' not in page and 'class="price-form"' not in page and 'id="reports"' not in page


def test_someone_with_no_role_in_the_course_is_refused_with_the_reason(stranger):
    page = browser_for(stranger).get(PAGE)
    assert page.status_code == 403
    assert 'data-error-code="not_course_staff"' in page.content.decode()
    assert "Only the staff and finance admins of" in page.content.decode()


def test_an_unknown_invoice_is_not_found(money):
    response = browser_for(money).get(f"{PAGE}invoices/999999/")
    assert response.status_code == 404
    assert 'data-error-code="invoice_not_found"' in response.content.decode()


def test_a_signed_out_visitor_is_sent_to_sign_in(db):
    response = Client().get(PAGE)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_post_without_the_csrf_token_is_refused(money, seat):
    client = browser_for(money)
    response = client.post(f"{PAGE}invoices/", invoice_form(seat))
    assert response.status_code == 403
    assert not Invoice.objects.exists()


# Invoices --------------------------------------------------------------------------------------------


@pytest.fixture
def issued(money, seat, committed):
    client = browser_for(money)
    with committed():
        response = post(client, f"{PAGE}invoices/", invoice_form(seat))
    invoice = Invoice.objects.get(reference="INV-7")
    return client, invoice, response


def test_a_finance_admin_issues_an_invoice_and_is_told_what_was_done(issued):
    client, invoice, response = issued
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}invoices/{invoice.id}/"
    assert RegistrationCode.objects.filter(invoice=invoice).count() == 3
    assert confirmations(response) == [
        "Invoice INV-7 issued to Acme: 3 registration codes at $80.00, total $240.00. The codes are being emailed "
        "to ada@acme.test; you can also download them here."
    ]
    detail = client.get(response["Location"]).content.decode()
    assert detail.count('data-status="available"') == 3


def test_a_refused_invoice_keeps_the_form_and_says_why(issued, seat):
    client, _invoice, _ = issued
    response = post(client, f"{PAGE}invoices/", invoice_form(seat))  # same reference again
    assert response.status_code == 409
    page = response.content.decode()
    assert 'data-error-code="duplicate_reference"' in page and "Invoice INV-7 exists already." in page
    assert 'value="Acme"' in page
    assert Invoice.objects.count() == 1


def test_a_malformed_invoice_shows_the_api_s_field_errors(money, seat):
    response = post(browser_for(money), f"{PAGE}invoices/", invoice_form(seat, quantity="0", contact_email="x"))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="invoice_quantity" aria-invalid="true"' in page or 'aria-invalid="true"' in page
    assert "Ensure this value is greater than or equal to 1." in page
    assert "Enter a valid email address." in page
    assert not Invoice.objects.exists()


def test_course_staff_may_not_issue_invoices(teacher, seat):
    response = post(browser_for(teacher), f"{PAGE}invoices/", invoice_form(seat))
    assert response.status_code == 403
    assert 'data-error-code="not_finance_admin"' in response.content.decode()
    assert not Invoice.objects.exists()


def test_the_codes_download_is_a_csv_file(issued):
    client, invoice, _ = issued
    response = client.get(f"{PAGE}invoices/{invoice.id}/codes.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="invoice-INV-7-codes.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 3 and {row["invoice_reference"] for row in rows} == {"INV-7"}


def test_an_invoice_without_codes_downloads_the_header_row(issued):
    client, invoice, _ = issued
    RegistrationCode.objects.filter(invoice=invoice).delete()
    body = client.get(f"{PAGE}invoices/{invoice.id}/codes.csv").content.decode()
    assert body.splitlines() == ["code,course_key,status,redeemed_by,redeemed_at,invoice_reference,company_name"]


def test_marking_paid_is_confirmed(issued):
    client, invoice, _ = issued
    response = post(client, f"{PAGE}invoices/{invoice.id}/paid/", {})
    assert confirmations(response) == ["Invoice INV-7 is marked paid ($240.00)."]
    invoice.refresh_from_db()
    assert invoice.status == Invoice.PAID


def test_voiding_withdraws_the_codes_once_confirmed(issued):
    client, invoice, _ = issued
    unconfirmed = post(client, f"{PAGE}invoices/{invoice.id}/void/", {})
    assert unconfirmed.status_code == 400
    assert 'data-error-code="confirmation_required"' in unconfirmed.content.decode()
    assert Invoice.objects.get(id=invoice.id).status == Invoice.ISSUED
    response = post(client, f"{PAGE}invoices/{invoice.id}/void/", {"confirm": "on"})
    assert confirmations(response)[0].startswith("Invoice INV-7 is void: its unused registration codes are withdrawn")
    assert set(RegistrationCode.objects.filter(invoice=invoice).values_list("status", "withdrawn")) == {("void", True)}


def test_a_void_invoice_cannot_be_marked_paid(issued):
    client, invoice, _ = issued
    post(client, f"{PAGE}invoices/{invoice.id}/void/", {"confirm": "on"})
    response = post(client, f"{PAGE}invoices/{invoice.id}/paid/", {})
    assert response.status_code == 409
    assert 'data-error-code="invoice_void"' in response.content.decode()
    assert "A void invoice cannot be paid." in response.content.decode()
    assert Invoice.objects.get(id=invoice.id).status == Invoice.VOID


def test_another_course_s_finance_admin_cannot_see_download_or_void_an_invoice(issued, stranger):
    _client, invoice, _ = issued
    client = browser_for(stranger)
    for response in (
        client.get(f"{PAGE}invoices/{invoice.id}/"),
        client.get(f"{PAGE}invoices/{invoice.id}/codes.csv"),
        post(client, f"{PAGE}invoices/{invoice.id}/void/", {"confirm": "on"}),
    ):
        assert response.status_code == 403
        assert 'data-error-code="not_finance_admin"' in response.content.decode()
    assert Invoice.objects.get(id=invoice.id).status == Invoice.ISSUED


def test_an_invoice_is_only_reachable_under_its_own_course(issued, make_user, grant):
    _client, invoice, _ = issued
    other = make_user("other")
    grant(other, "finance_admin", course_key=OTHER_COURSE)
    grant(other, "finance_admin")
    response = browser_for(other).get(f"/commerce/courses/{OTHER_COURSE}/invoices/{invoice.id}/")
    assert response.status_code == 404


# Coupons ---------------------------------------------------------------------------------------------


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=50, COMMERCE_COUPON_STAFF_MAX_USES=100)
def test_course_staff_create_a_coupon_within_the_cap(teacher):
    client = browser_for(teacher)
    response = post(client, f"{PAGE}coupons/", coupon_form(code="SPRING20"))
    assert response.status_code == 302
    assert confirmations(response)[0].startswith(
        f"Coupon SPRING20 created: 20.00% off the seats of {COURSE}, 10 uses, valid until"
    )
    assert Voucher.objects.get(code="SPRING20").offers.get().benefit.value == Decimal("20")
    assert 'data-code="SPRING20"' in client.get(PAGE).content.decode()


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=50, COMMERCE_COUPON_STAFF_MAX_USES=100)
def test_course_staff_are_refused_a_coupon_above_the_cap_with_the_reason(teacher):
    response = post(browser_for(teacher), f"{PAGE}coupons/", coupon_form(percentage="80", code="HALFOFF80"))
    assert response.status_code == 403
    page = response.content.decode()
    assert 'data-error-code="coupon_above_staff_cap"' in page
    assert "Course staff may create coupons of up to 50% and 100 uses; ask a finance admin" in page
    assert 'value="HALFOFF80"' in page
    assert not Voucher.objects.exists()


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=50, COMMERCE_COUPON_STAFF_MAX_USES=100)
def test_a_finance_admin_creates_a_coupon_above_the_staff_cap(money):
    response = post(browser_for(money), f"{PAGE}coupons/", coupon_form(percentage="80", max_uses=""))
    assert response.status_code == 302
    assert "80.00% off" in confirmations(response)[0] and "unlimited uses" in confirmations(response)[0]


def test_a_malformed_coupon_shows_the_api_s_field_errors(teacher):
    response = post(browser_for(teacher), f"{PAGE}coupons/", coupon_form(percentage="120", end_datetime=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 100." in page and "This field is required." in page
    assert not Voucher.objects.exists()


def test_someone_with_no_role_cannot_create_a_coupon(stranger):
    response = post(browser_for(stranger), f"{PAGE}coupons/", coupon_form())
    assert response.status_code == 403
    assert not Voucher.objects.exists()


# Prices ----------------------------------------------------------------------------------------------


def test_a_finance_admin_changes_a_price_and_is_told(money, seat, committed, fake_lms):
    client = browser_for(money)
    with committed():
        response = post(client, f"{PAGE}seats/{seat.sku}/price/", {"price": "120.00"})
    assert response.status_code == 302
    assert confirmations(response) == [
        "The price of the verified seat (VERI-DEMO) changed from $100.00 to $120.00. The LMS's course mode is being "
        "updated."
    ]
    assert StockRecord.objects.get(partner_sku=seat.sku).price == Decimal("120.00")
    assert fake_lms.puts[-1][1]["modes"] == [
        {"name": "verified", "expires": None, "bulk_sku": None, "price": 120, "currency": "usd", "sku": "VERI-DEMO"}
    ]


def test_course_staff_may_not_change_a_price(teacher, seat):
    response = post(browser_for(teacher), f"{PAGE}seats/{seat.sku}/price/", {"price": "1.00"})
    assert response.status_code == 403
    assert 'data-error-code="not_finance_admin"' in response.content.decode()
    assert StockRecord.objects.get(partner_sku=seat.sku).price == Decimal("100.00")


def test_a_negative_price_is_refused_on_the_form(money, seat):
    response = post(browser_for(money), f"{PAGE}seats/{seat.sku}/price/", {"price": "-1"})
    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert StockRecord.objects.get(partner_sku=seat.sku).price == Decimal("100.00")


def test_a_seat_of_another_course_is_not_found_under_this_one(money, make_seat):
    other = make_seat(course_key=OTHER_COURSE, sku="OTHER-1")
    response = post(browser_for(money), f"{PAGE}seats/{other.sku}/price/", {"price": "1.00"})
    assert response.status_code == 404


# Buying seats ------------------------------------------------------------------------------------------


def test_the_buy_form_leads_to_the_multi_seat_confirmation(teacher, seat):
    client = browser_for(teacher)
    response = client.get("/commerce/registration-codes/buy/", {"sku": seat.sku, "quantity": "5"})
    assert response.status_code == 200 and 'value="5"' in response.content.decode()
