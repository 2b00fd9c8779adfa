"""
Invoices: a finance admin issues N codes for an out-of-band sale, downloads them, marks it paid or void.
"""
import csv
import io

import pytest
from django.core import mail

from ecommerce_plugin.registration_codes import api as codes_api
from ecommerce_plugin.registration_codes.models import RegistrationCode
from support.clients import client_for

INVOICES = "/api/commerce/v1/invoices/"


def invoice_body(seat, **fields):
    return {
        "sku": seat.sku, "company_name": "Acme", "contact_name": "Ada", "contact_email": "ada@acme.test",
        "reference": "INV-1", "price_per_seat": "80.00", "quantity": 4, **fields,
    }


@pytest.fixture
def finance_admin(make_user, grant):
    user = make_user("money")
    grant(user, "finance_admin")
    return user


@pytest.fixture
def issue(finance_admin, seat, committed):
    def make(**fields):
        with committed():
            response = client_for(finance_admin).post(INVOICES, invoice_body(seat, **fields), format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return make


def test_a_finance_admin_issues_n_codes_against_an_invoice(issue):
    invoice = issue()
    codes = RegistrationCode.objects.filter(invoice_id=invoice["id"])
    assert codes.count() == 4
    assert set(codes.values_list("unit_price", flat=True)) == {80}
    assert (invoice["total"], invoice["status"]) == ("320.00", "issued")


def test_the_contact_gets_the_codes_as_csv(issue):
    invoice = issue()
    assert mail.outbox[-1].to == ["ada@acme.test"]
    name, body, _ = mail.outbox[-1].attachments[0]
    assert name == "INV-1-codes.csv"
    assert len(list(csv.DictReader(io.StringIO(body)))) == invoice["quantity"]


def test_the_codes_download_as_csv(issue, finance_admin):
    invoice = issue()
    response = client_for(finance_admin).get(f"{INVOICES}{invoice['id']}/codes.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv"
    assert {row["code"] for row in rows} == set(
        RegistrationCode.objects.filter(invoice_id=invoice["id"]).values_list("code", flat=True)
    )
    assert {row["company_name"] for row in rows} == {"Acme"}


def test_marking_paid(issue, finance_admin):
    invoice = issue()
    response = client_for(finance_admin).post(f"{INVOICES}{invoice['id']}/paid/")
    assert response.json()["status"] == "paid"


def test_voiding_invalidates_unused_codes_and_keeps_redeemed_ones(issue, finance_admin, make_user, fake_lms, committed):
    invoice = issue()
    used = RegistrationCode.objects.filter(invoice_id=invoice["id"]).first()
    with committed():
        codes_api.redeem(make_user("learner1"), used.code)

    response = client_for(finance_admin).post(f"{INVOICES}{invoice['id']}/void/")

    assert response.json()["status"] == "void"
    statuses = sorted(RegistrationCode.objects.filter(invoice_id=invoice["id"]).values_list("status", flat=True))
    assert statuses == ["redeemed", "void", "void", "void"]


def test_a_void_code_cannot_be_redeemed(issue, finance_admin, make_user):
    invoice = issue()
    client_for(finance_admin).post(f"{INVOICES}{invoice['id']}/void/")
    code = RegistrationCode.objects.filter(invoice_id=invoice["id"]).first().code
    response = client_for(make_user("learner")).post(
        "/api/commerce/v1/registration-codes/redemptions/", {"code": code}, format="json"
    )
    assert (response.status_code, response.json()["error_code"]) == (400, "code_unusable")


def test_a_void_invoice_cannot_be_paid(issue, finance_admin):
    invoice = issue()
    client_for(finance_admin).post(f"{INVOICES}{invoice['id']}/void/")
    response = client_for(finance_admin).post(f"{INVOICES}{invoice['id']}/paid/")
    assert (response.status_code, response.json()["error_code"]) == (409, "invoice_void")


def test_a_reference_is_used_once(issue, finance_admin, seat):
    issue()
    response = client_for(finance_admin).post(INVOICES, invoice_body(seat), format="json")
    assert (response.status_code, response.json()["error_code"]) == (409, "duplicate_reference")


@pytest.mark.parametrize("role", [None, "staff"])
def test_only_a_finance_admin_issues_invoices(make_user, grant, seat, role):
    user = make_user("someone")
    if role:
        grant(user, role)
    response = client_for(user).post(INVOICES, invoice_body(seat), format="json")
    assert (response.status_code, response.json()["error_code"]) == (403, "not_finance_admin")
    assert not RegistrationCode.objects.exists()


def test_a_finance_admin_of_another_course_is_refused(make_user, grant, seat):
    user = make_user("elsewhere")
    grant(user, "finance_admin", course_key="course-v1:edX+Other+2026")
    response = client_for(user).post(INVOICES, invoice_body(seat), format="json")
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "{id}/"), ("get", "{id}/codes.csv"), ("post", "{id}/paid/"), ("post", "{id}/void/"), ("get", "?course_key=course-v1:edX+DemoX+Demo_Course")],
)
def test_every_invoice_endpoint_refuses_non_finance_admins(issue, make_user, grant, method, path):
    invoice = issue()
    staff = make_user("teacher")
    grant(staff, "staff")
    response = getattr(client_for(staff), method)(INVOICES + path.format(id=invoice["id"]))
    assert (response.status_code, response.json()["error_code"]) == (403, "not_finance_admin")
    assert RegistrationCode.objects.filter(status="void").count() == 0
