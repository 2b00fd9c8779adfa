"""
On Otto (its django-simple-history 3.0.0, Django 3.2): the writes that bypass ``save()`` leave
history rows (codes issued with an invoice, redeemed, voided with it; roles copied by the course
facts sync), and the staff alert for a failed fulfillment goes through Otto's messaging. Runs in a
real Otto (``OTTO_ROOT``) and on the Otto-faithful sandbox.
"""
from decimal import Decimal

import pytest
from ecommerce.extensions.fulfillment.status import ORDER
from ecommerce.tests.factories import UserFactory
from ecommerce_otto_host.otto_flow import place_order
from oscar.core.loading import get_model
from otto_host.test_plugin_in_otto import (  # noqa: F401  (fixtures)
    _finance_admin,
    _otto_seat,
    on_site,
    otto_seat_class,
    site_configuration,
)

from ecommerce_plugin.finance import api as finance_api
from ecommerce_plugin.finance.models import CourseRole
from ecommerce_plugin.fulfillment import alerts
from ecommerce_plugin.fulfillment.models import LineFulfillment
from ecommerce_plugin.invoices import api as invoices_api
from ecommerce_plugin.registration_codes import api as codes_api
from ecommerce_plugin.registration_codes.models import RegistrationCode

COURSE = "course-v1:edX+History+2026"
History = RegistrationCode.history.model
Order = get_model("order", "Order")
Line = get_model("order", "Line")
pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(site_configuration, otto_seat_class, monkeypatch):  # noqa: F811
    seat = _otto_seat(site_configuration, monkeypatch, COURSE)
    money = _finance_admin(COURSE)
    issued = invoices_api.issue_invoice(
        money, sku=seat.sku, company_name="Acme", contact_name="Ada", contact_email="ada@acme.test",
        reference="INV-OTTO-7", price_per_seat=Decimal("40"), quantity=3,
    )
    return issued, money


def test_codes_issued_with_an_invoice_on_otto_each_get_an_added_row(invoice):
    issued, money = invoice
    rows = History.objects.filter(invoice_id=issued.id)
    assert sorted(rows.values_list("id", flat=True)) == sorted(issued.codes.values_list("id", flat=True))
    assert set(rows.values_list("history_type", "history_user", "history_change_reason")) == {
        ("+", money.id, "issued with invoice INV-OTTO-7")
    }


def test_a_code_redeemed_then_voided_with_its_invoice_on_otto_has_both_changes(invoice):
    issued, money = invoice
    code = issued.codes.order_by("id").first()
    learner = UserFactory()
    codes_api.redeem(learner, code.code)
    invoices_api.void(money, issued.id)
    changes = list(
        History.objects.filter(id=code.id, history_type="~").order_by("history_id")
        .values_list("status", "withdrawn", "history_user", "history_change_reason")
    )
    assert changes == [
        (RegistrationCode.REDEEMED, False, learner.id, "redeemed"),
        (RegistrationCode.REDEEMED, True, money.id, "withdrawn with invoice INV-OTTO-7"),
    ]
    voided = History.objects.filter(invoice_id=issued.id, history_type="~", status=RegistrationCode.VOID)
    assert voided.count() == 2


def test_roles_copied_by_the_sync_on_otto_get_added_and_deleted_rows():
    ta, teacher = UserFactory(), UserFactory()
    body = {"course_key": COURSE, "total_enrolled": 0, "staff_enrolled": 0, "students_enrolled": 0}
    finance_api.store_course_facts({**body, "staff_usernames": [ta.username, teacher.username]})
    finance_api.store_course_facts({**body, "staff_usernames": [teacher.username]})
    rows = list(
        CourseRole.history.filter(course_key=COURSE).order_by("history_id")
        .values_list("history_type", "user_id", "history_user")
    )
    assert sorted(rows[:2]) == sorted([("+", ta.id, None), ("+", teacher.id, None)])
    assert rows[2:] == [("-", ta.id, None)]


def test_the_staff_alert_goes_through_otto_messaging_with_the_course_title(
    invoice, site_configuration, on_site, settings, mailoutbox  # noqa: F811
):
    from ecommerce.courses.models import Course  # noqa: PLC0415

    course = Course.objects.get(id=COURSE)
    course.name = "History of Otto"
    course.save()
    order = place_order(site_configuration.site, UserFactory(), [(course.seat_products[0], 1)])
    line = order.lines.get()
    LineFulfillment.objects.create(line=line, attempts=3, last_error_kind="server", last_error="LMS answered 503")
    order.status = ORDER.FULFILLMENT_ERROR
    order.save()
    settings.COMMERCE_FULFILLMENT_FAILURE_EMAILS = ["support@example.com"]

    assert alerts.email_staff(order, alerts.failed_lines(order), ["support@example.com"]) == 1
    (message,) = mailoutbox
    assert message.from_email == site_configuration.get_from_email()
    assert message.subject.endswith(f"fulfillment of order {order.number} failed")
    assert "History of Otto" in message.body and COURSE not in message.body
    assert "LMS answered 503" in message.body and f"manage.py retry_fulfillment {order.number}" in message.body
    page = site_configuration.build_ecommerce_url(
        f"/admin/commerce_fulfillment/failedfulfillmentorder/{order.pk}/change/"
    )
    assert page in message.body
    (html, mimetype), = message.alternatives
    assert mimetype == "text/html" and "<td>History of Otto</td>" in html and f'href="{page}"' in html
