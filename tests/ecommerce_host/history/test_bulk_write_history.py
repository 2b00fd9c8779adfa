"""
Writes that bypass ``save()`` (a conditional or bulk UPDATE, a bulk insert) leave history rows
too: what changed, who did it (the request's user, nobody in a task) and what did it.
"""
from decimal import Decimal

import pytest
from django.db import connection
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from ecommerce_plugin.finance import api as finance_api
from ecommerce_plugin.finance.models import CourseRole
from ecommerce_plugin.invoices import api as invoices_api
from ecommerce_plugin.registration_codes import api as codes_api
from ecommerce_plugin.registration_codes.fulfillment import RegistrationCodesFulfillmentModule
from ecommerce_plugin.registration_codes.models import RegistrationCode

COURSE = "course-v1:edX+DemoX+Demo_Course"
History = RegistrationCode.history.model


@pytest.fixture
def money(make_user, grant):
    user = make_user("money")
    grant(user, "finance_admin")
    return user


def _invoice(user, seat, quantity=3, reference="INV-1042"):
    return invoices_api.issue_invoice(
        user, sku=seat.sku, company_name="Acme", contact_name="Ada", contact_email="ada@acme.test",
        reference=reference, price_per_seat=Decimal("80"), quantity=quantity,
    )


def _latest(code):
    return History.objects.filter(id=code.id).order_by("-history_id").first()


def _as_request_of(user):
    """What simple-history's middleware records for a request of ``user``."""
    request = RequestFactory().get("/")
    request.user = user
    HistoricalRecords.context.request = request


@pytest.fixture
def request_context():
    yield _as_request_of
    if hasattr(HistoricalRecords.context, "request"):
        del HistoricalRecords.context.request


def test_codes_issued_with_an_invoice_each_get_an_added_row_by_the_finance_admin(seat, money):
    invoice = _invoice(money, seat)
    rows = History.objects.filter(invoice_id=invoice.id)
    assert rows.count() == 3
    assert set(rows.values_list("history_type", "history_user", "history_change_reason", "status")) == {
        ("+", money.id, "issued with invoice INV-1042", RegistrationCode.AVAILABLE)
    }
    assert set(rows.values_list("id", flat=True)) == set(invoice.codes.values_list("id", flat=True))


def test_codes_issued_for_an_order_line_get_an_added_row_by_nobody(seat, buy_seats):
    order = buy_seats(seat, 2)
    line = order.lines.get()
    rows = History.objects.filter(order_line_id=line.id)
    assert set(rows.values_list("history_type", "history_user", "history_change_reason")) == {
        ("+", None, f"issued for line {line.id} of order {order.number}")
    }
    assert rows.count() == 2


def test_a_redeemed_code_gets_a_changed_row_by_the_learner(seat, money, make_user, fake_lms):
    code = _invoice(money, seat).codes.first()
    learner = make_user("learner")
    codes_api.redeem(learner, code.code)
    row = _latest(code)
    assert (row.history_type, row.history_user_id, row.history_change_reason) == ("~", learner.id, "redeemed")
    assert (row.status, row.redeemed_by_id, row.withdrawn) == (RegistrationCode.REDEEMED, learner.id, False)
    assert row.redeemed_at is not None


def test_a_code_the_lms_refused_gets_a_changed_row_releasing_it(seat, money, make_user, fake_lms):
    code = _invoice(money, seat).codes.first()
    redemption = codes_api.redeem(make_user("learner"), code.code)
    codes_api.record_refused(redemption.id, "LMS answered 400: course full")
    row = _latest(code)
    assert (row.history_type, row.history_user_id, row.status, row.redeemed_by_id) == (
        "~", None, RegistrationCode.AVAILABLE, None
    )
    assert row.history_change_reason == "released: the LMS refused the enrollment"


def test_voiding_an_invoice_leaves_a_changed_row_per_code_by_the_finance_admin(seat, money, make_user, fake_lms):
    invoice = _invoice(money, seat)
    redeemed = invoice.codes.order_by("id").first()
    codes_api.redeem(make_user("learner"), redeemed.code)
    invoices_api.void(money, invoice.id)
    rows = History.objects.filter(invoice_id=invoice.id, history_change_reason="withdrawn with invoice INV-1042")
    assert sorted(rows.values_list("status", "withdrawn", "history_type", "history_user")) == [
        (RegistrationCode.REDEEMED, True, "~", money.id),
        (RegistrationCode.VOID, True, "~", money.id),
        (RegistrationCode.VOID, True, "~", money.id),
    ]


def test_voiding_an_invoice_twice_writes_its_codes_history_once(seat, money):
    invoice = _invoice(money, seat)
    invoices_api.void(money, invoice.id)
    invoices_api.void(money, invoice.id)
    assert History.objects.filter(invoice_id=invoice.id, history_type="~").count() == 3


def test_a_refunded_line_withdraws_its_codes_with_a_row_by_the_request_user(
    seat, buy_seats, make_user, request_context
):
    order = buy_seats(seat, 2)
    line = order.lines.get()
    support = make_user("support", is_staff=True)
    request_context(support)
    RegistrationCodesFulfillmentModule().revoke_line(line)
    rows = History.objects.filter(order_line_id=line.id, history_type="~")
    assert set(rows.values_list("status", "withdrawn", "history_user", "history_change_reason")) == {
        (RegistrationCode.VOID, True, support.id, f"withdrawn with refunded line {line.id} of order {order.number}")
    }
    assert rows.count() == 2


def _sync(staff=(), finance_admins=()):
    finance_api.store_course_facts({
        "course_key": COURSE, "total_enrolled": 0, "staff_enrolled": 0, "students_enrolled": 0,
        "staff_usernames": list(staff), "finance_admin_usernames": list(finance_admins),
    })


def _role_history():
    return list(
        CourseRole.history.filter(course_key=COURSE, source=CourseRole.SOURCE_LMS)
        .order_by("history_id")
        .values_list("history_type", "user__username", "role", "history_change_reason")
    )


def test_roles_copied_by_the_sync_get_added_and_deleted_rows_and_unchanged_ones_none(make_user):
    for name in ("ta", "teacher", "money"):
        make_user(name)
    _sync(staff=["ta", "teacher"], finance_admins=["money"])
    _sync(staff=["ta", "teacher"], finance_admins=["money"])  # nothing changed: no row
    _sync(staff=["teacher"], finance_admins=["money"])
    copied, removed = "copied from the LMS by the course facts sync", "no longer an LMS role: removed by the course facts sync"
    history = _role_history()
    assert sorted(history[:3]) == [
        ("+", "money", CourseRole.FINANCE_ADMIN, copied),
        ("+", "ta", CourseRole.STAFF, copied),
        ("+", "teacher", CourseRole.STAFF, copied),
    ]
    assert history[3:] == [("-", "ta", CourseRole.STAFF, removed)]
    assert set(CourseRole.objects.filter(source=CourseRole.SOURCE_LMS).values_list("user__username", "role")) == {
        ("teacher", CourseRole.STAFF), ("money", CourseRole.FINANCE_ADMIN)
    }
    assert set(CourseRole.history.values_list("history_user", flat=True)) == {None}  # a task's sync: nobody


# Query counts: each write adds one INSERT of history rows whatever the number of codes; voiding
# also locks the codes first (the SELECT ... FOR UPDATE that lists what it changes).


def test_a_redemption_costs_a_fixed_number_of_queries(seat, money, make_user, fake_lms, django_assert_num_queries):
    code = _invoice(money, seat).codes.first()
    learner = make_user("learner")
    with django_assert_num_queries(REDEEM_QUERIES):
        codes_api.redeem(learner, code.code)


@pytest.mark.parametrize("quantity", [2, 6])
def test_voiding_an_invoice_costs_the_same_queries_for_any_number_of_codes(
    seat, money, quantity, django_assert_num_queries
):
    invoice = _invoice(money, seat, quantity=quantity)
    with django_assert_num_queries(VOID_QUERIES):
        invoices_api.void(money, invoice.id)


@pytest.mark.parametrize("quantity", [2, 6])
def test_issuing_an_invoice_costs_the_same_queries_for_any_number_of_codes(
    seat, money, quantity, django_assert_num_queries
):
    # Where a bulk insert returns no ids (Django 3.2's SQLite, MySQL), the codes are read back: one more.
    read_back = 0 if connection.features.can_return_rows_from_bulk_insert else 1
    with django_assert_num_queries(ISSUE_QUERIES + read_back):
        _invoice(money, seat, quantity=quantity)


def test_a_sync_that_changes_no_role_writes_nothing(make_user, django_assert_num_queries):
    for name in ("ta", "teacher", "money"):
        make_user(name)
    _sync(staff=["ta", "teacher"], finance_admins=["money"])
    with django_assert_num_queries(SYNC_UNCHANGED_QUERIES):
        _sync(staff=["ta", "teacher"], finance_admins=["money"])


# Pinned when these writes started leaving history: a redemption 9 -> 10 (the history INSERT), a
# void 6 -> 8 (the lock on the codes, the history INSERT), an invoice 14 -> 15 (the history
# INSERT), a sync that changes no role 13 -> 8 (it used to delete and re-create every role).
REDEEM_QUERIES = 10
VOID_QUERIES = 8
ISSUE_QUERIES = 15
SYNC_UNCHANGED_QUERIES = 8
