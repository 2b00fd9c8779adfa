"""
Registration codes: multi-seat purchases issue codes; any learner redeems one, once.
"""
import string
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ecommerce_plugin.finance.models import CourseFacts
from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.data import CODE_ALPHABET
from ecommerce_plugin.registration_codes.fulfillment import RegistrationCodesFulfillmentModule
from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode
from support.clients import client_for

from .support import COURSE

REDEEM_URL = "/api/commerce/v1/registration-codes/redemptions/"


@pytest.fixture
def redeem_as(committed):
    def redeem(user, code):
        with committed():
            return client_for(user).post(REDEEM_URL, {"code": code}, format="json")

    return redeem


def enrollment_posts(fake_lms):
    return [body for url, body in fake_lms.posts if url.endswith("/api/enrollment/v1/enrollment")]


def test_codes_come_from_an_unambiguous_alphabet():
    assert not set(CODE_ALPHABET) & set("0O1IL5S2Z8B")
    assert set(CODE_ALPHABET) <= set(string.ascii_uppercase + string.digits)
    code = api.draw_code()
    assert len(code) == 12 and set(code) <= set(CODE_ALPHABET)


def test_codes_are_drawn_with_secrets_not_random(monkeypatch):
    calls = []
    monkeypatch.setattr("secrets.choice", lambda seq: calls.append(seq) or seq[0])
    assert api.draw_code(4) == CODE_ALPHABET[0] * 4
    assert len(calls) == 4


def test_buying_n_seats_issues_n_unique_codes_and_does_not_enroll_the_buyer(buy_seats, seat, fake_lms):
    order = buy_seats(seat, 5)

    codes = RegistrationCode.objects.filter(order_line__order=order)
    assert codes.count() == 5
    assert len(set(codes.values_list("code", flat=True))) == 5
    assert set(codes.values_list("status", flat=True)) == {RegistrationCode.AVAILABLE}
    assert enrollment_posts(fake_lms) == []
    order.refresh_from_db()
    assert order.status == "Complete"


def test_a_single_seat_purchase_enrolls_the_buyer_and_issues_no_code(buy_seats, seat, fake_lms):
    order = buy_seats(seat, 1)
    assert not RegistrationCode.objects.exists()
    assert [body["user"] for body in enrollment_posts(fake_lms)] == ["buyer"]
    assert order.lines.get().quantity == 1


def test_the_buyer_is_emailed_the_codes(buy_seats, seat):
    order = buy_seats(seat, 3)
    codes = RegistrationCode.objects.filter(order_line__order=order).values_list("code", flat=True)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["buyer@example.com"]
    assert all(code in mail.outbox[0].body for code in codes)


def test_the_receipt_lists_the_codes(buy_seats, seat, client):
    order = buy_seats(seat, 2)
    client.login(username="buyer", password="edx")
    page = client.get(f"/commerce/checkout/receipt/{order.number}/").content.decode()
    assert 'id="registration-codes"' in page
    for code in RegistrationCode.objects.filter(order_line__order=order).values_list("code", flat=True):
        assert code in page


def test_fulfilling_a_line_twice_issues_its_codes_once(buy_seats, seat):
    order = buy_seats(seat, 3)
    line = order.lines.get()
    RegistrationCodesFulfillmentModule().fulfill_product(order, [line])
    assert RegistrationCode.objects.filter(order_line=line).count() == 3
    assert len(mail.outbox) == 1


def test_the_codes_module_takes_multi_seat_lines_before_the_seat_module(buy_seats, seat):
    from ecommerce_plugin.fulfillment.modules import module_for_line  # noqa: PLC0415

    single, multi = buy_seats(seat, 1, "one"), buy_seats(seat, 4, "many")
    assert type(module_for_line(multi.lines.get())).__name__ == "RegistrationCodesFulfillmentModule"
    assert type(module_for_line(single.lines.get())).__name__ == "EnrollmentFulfillmentModule"


def test_any_learner_redeems_a_code_and_is_enrolled_through_the_lms(redeem_as, buy_seats, seat, make_user, fake_lms):
    order = buy_seats(seat, 2)
    code = RegistrationCode.objects.filter(order_line__order=order).first()
    friend = make_user("friend")

    response = redeem_as(friend, code.code.lower())

    assert response.status_code == 202
    assert response.json()["status"] == "pending"  # the enrollment task runs after the commit
    assert Redemption.objects.get(id=response.json()["id"]).status == "enrolled"
    assert enrollment_posts(fake_lms) == [
        {"user": "friend", "mode": "verified", "course_details": {"course_id": COURSE}}
    ]
    code.refresh_from_db()
    assert (code.status, code.redeemed_by) == (RegistrationCode.REDEEMED, friend)


def test_a_code_works_once(redeem_as, buy_seats, seat, make_user):
    code = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2)).first().code
    assert redeem_as(make_user("first"), code).status_code == 202
    again = redeem_as(make_user("second"), code)
    assert again.status_code == 400
    assert again.json()["error_code"] == "code_unusable"


def test_an_unknown_code_is_a_400_and_changes_nothing(redeem_as, learner, fake_lms):
    response = redeem_as(learner, "NOPE")
    assert response.status_code == 400
    assert response.json()["error_code"] == "code_unusable"
    assert not Redemption.objects.exists()


def test_a_learner_redeems_one_code_per_course(redeem_as, buy_seats, seat, make_user):
    first, second = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2))
    friend = make_user("friend")
    redeem_as(friend, first.code)
    response = redeem_as(friend, second.code)
    assert response.json()["error_code"] == "code_unusable"


def closed_or_full(kind):
    now = timezone.now()
    if kind == "closed":
        return {"enrollment_end": now - timedelta(days=1)}
    return {"max_student_enrollments_allowed": 10, "students_enrolled": 10}


@pytest.mark.parametrize("kind", ["closed", "full"])
def test_no_code_works_for_a_closed_or_full_course(redeem_as, buy_seats, seat, make_user, fake_lms, kind):  # noqa: PLR0917
    code = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2)).first()
    CourseFacts.objects.create(course_key=COURSE, synced_at=timezone.now(), **closed_or_full(kind))
    posts_before = len(fake_lms.posts)

    response = redeem_as(make_user("late"), code.code)

    assert response.status_code == 409
    assert response.json()["error_code"] == f"course_{kind}"
    code.refresh_from_db()
    assert code.status == RegistrationCode.AVAILABLE
    assert len(fake_lms.posts) == posts_before


def test_a_refusal_by_the_lms_releases_the_code(redeem_as, buy_seats, seat, make_user, fake_lms):
    code = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2)).first()
    fake_lms.enrollment_status = 400  # the LMS found the course closed or full

    response = redeem_as(make_user("late"), code.code)

    redemption = Redemption.objects.get(id=response.json()["id"])
    assert (redemption.status, redemption.error[:19]) == ("refused", "LMS answered 400: {")
    code.refresh_from_db()
    assert (code.status, code.redeemed_by) == (RegistrationCode.AVAILABLE, None)


def test_the_redeem_page_redeems_and_shows_the_state(buy_seats, seat, make_user, client, committed):
    code = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2)).first()
    make_user("friend")
    client.login(username="friend", password="edx")
    with committed():
        client.post("/commerce/registration-codes/redeem/", {"code": code.code})
    response = client.get(f"/commerce/registration-codes/redeem/?redemption={Redemption.objects.get().id}")
    assert 'data-status="enrolled"' in response.content.decode()


def test_revoking_a_line_voids_its_unused_codes(buy_seats, seat, make_user):
    order = buy_seats(seat, 3)
    line = order.lines.get()
    used = RegistrationCode.objects.filter(order_line=line).first()
    api.redeem(make_user("friend"), used.code)

    assert RegistrationCodesFulfillmentModule().revoke_line(line) is False
    statuses = sorted(RegistrationCode.objects.filter(order_line=line).values_list("status", flat=True))
    assert statuses == ["redeemed", "void", "void"]


def test_buying_more_seats_than_allowed_is_refused(learner, seat, settings):
    client = client_for(learner)
    response = client.post(
        "/api/commerce/v1/registration-codes/basket/",
        {"sku": seat.sku, "quantity": settings.COMMERCE_MAX_SEATS_PER_ORDER + 1},
        format="json",
    )
    assert response.json()["error_code"] == "too_many_seats"
