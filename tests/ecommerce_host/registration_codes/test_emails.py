"""
The codes emails go through the shop's communication event types: subject, text and HTML bodies
from templates an operator can override or edit in the admin, with the course's title.
"""
import csv
import io

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from oscar.core.loading import get_model

from ecommerce_plugin import messaging
from ecommerce_plugin.invoices import api as invoices_api
from ecommerce_plugin.registration_codes.models import RegistrationCode
from support.clients import client_for

from .support import COURSE

CommunicationEventType = get_model("communication", "CommunicationEventType")
TITLE = "Demonstration Course"


@pytest.fixture
def brand(db):
    Site.objects.filter(pk=1).update(name="Acme Learning", domain="learn.acme.test")


@pytest.fixture
def issue_invoice(make_user, grant, seat, committed):
    def issue(**fields):
        admin = make_user("money")
        grant(admin, "finance_admin")
        body = {
            "sku": seat.sku, "company_name": "Initech", "contact_name": "Ada", "contact_email": "ada@initech.test",
            "reference": "INV-7", "price_per_seat": "80.00", "quantity": 3, **fields,
        }
        with committed():
            response = client_for(admin).post("/api/commerce/v1/invoices/", body, format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return issue


def html_of(message):
    (html, mimetype), = message.alternatives
    assert mimetype == "text/html"
    return html


def test_migrate_creates_the_plugins_event_types_for_the_admin_to_edit(db):
    rows = dict(CommunicationEventType.objects.filter(code__in=messaging.EVENT_TYPES).values_list("code", "name"))
    assert set(rows) == {"COMMERCE_INVOICE_CODES", "COMMERCE_ORDER_CODES", "COMMERCE_FULFILLMENT_FAILED"}
    assert all(CommunicationEventType.objects.get(code=code).email_body_template is None for code in rows)


def test_the_event_types_are_listed_in_the_admin(db, make_user, client):
    make_user("boss", is_staff=True, is_superuser=True)
    client.login(username="boss", password="edx")
    page = client.get("/admin/communication/communicationeventtype/").content.decode()
    assert all(str(name) in page for name in messaging.EVENT_TYPES.values())


def test_the_buyer_gets_text_and_html_with_the_course_title(brand, buy_seats, seat):
    order = buy_seats(seat, 3)
    codes = list(RegistrationCode.objects.filter(order_line__order=order).values_list("code", flat=True))

    (message,) = mail.outbox
    assert message.to == ["buyer@example.com"] and message.from_email == "ecommerce@example.com"
    assert message.subject == f"Acme Learning: your registration codes for order {order.number}"
    assert TITLE in message.body and COURSE not in message.body
    assert all(code in message.body for code in codes)
    assert "The Acme Learning team" in message.body
    html = html_of(message)
    assert f"<h2 style=\"font-size:17px;margin:20px 0 8px;\">{TITLE}</h2>" in html
    assert all(f"<td>{code}</td>" in html for code in codes)
    assert "Sent by Acme Learning (learn.acme.test)." in html


def test_the_invoice_contact_gets_text_html_and_the_csv(brand, issue_invoice):
    invoice = issue_invoice()

    message = mail.outbox[-1]
    assert message.to == ["ada@initech.test"]
    assert message.subject == "Acme Learning: registration codes for invoice INV-7"
    assert message.body.startswith("Dear Ada,\n")
    assert f"the 3 registration codes for {TITLE} sold to Initech under invoice INV-7." in message.body
    assert COURSE not in message.body
    assert f"<strong>{TITLE}</strong>" in html_of(message)
    name, body, mimetype = message.attachments[0]
    assert (name, mimetype) == ("INV-7-codes.csv", "text/csv")
    assert len(list(csv.DictReader(io.StringIO(body)))) == invoice["quantity"]


def test_an_invoice_of_one_seat_says_code_not_codes(brand, issue_invoice):
    issue_invoice(quantity=1)
    assert f"attached is the registration code for {TITLE} sold to Initech" in mail.outbox[-1].body


def test_values_are_escaped_in_the_html_body(brand, issue_invoice):
    issue_invoice(company_name="<b>Evil</b> & Co")
    message = mail.outbox[-1]
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in html_of(message)
    assert "<b>Evil</b> & Co" in message.body


def test_an_operator_edits_the_email_in_the_admin_without_a_deploy(brand, issue_invoice):
    CommunicationEventType.objects.filter(code=messaging.INVOICE_CODES).update(
        email_subject_template="Your {{ course_title }} seats ({{ invoice.reference }})",
        email_body_template="Hello {{ invoice.contact_name }}, see the attachment.",
        email_body_html_template="<p>Hello <em>{{ invoice.contact_name }}</em></p>",
    )
    issue_invoice()
    message = mail.outbox[-1]
    assert message.subject == f"Your {TITLE} seats (INV-7)"
    assert message.body == "Hello Ada, see the attachment."
    assert html_of(message) == "<p>Hello <em>Ada</em></p>"
    assert message.attachments[0][0] == "INV-7-codes.csv"


def test_without_its_row_an_event_type_falls_back_to_the_shipped_templates(brand, buy_seats, seat):
    CommunicationEventType.objects.filter(code__in=messaging.EVENT_TYPES).delete()
    order = buy_seats(seat, 2)
    assert mail.outbox[-1].subject == f"Acme Learning: your registration codes for order {order.number}"


def test_invoice_email_is_sent_once_per_call(brand, issue_invoice):
    invoice = issue_invoice()
    mail.outbox.clear()
    assert invoices_api.email_codes_to_contact(invoice["id"]) == 1
    assert len(mail.outbox) == 1
