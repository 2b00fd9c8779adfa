"""
What a buyer and a redeemer read on the shop's pages: prices in the shop's one currency format,
course titles rather than keys, no internal status, and what a multi-seat purchase gives.
"""
import re

from django.core import mail
from oscar.core.loading import get_model

from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode

from .support import COURSE

Order = get_model("order", "Order")
TITLE = "Demonstration Course"
REDEEM_PAGE = "/commerce/registration-codes/redeem/"


def visible_text(response, within=None):
    html = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", " ", response.content.decode())
    if within:
        html = html.split(f'id="{within}"', 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def receipt_text(client, order):
    return visible_text(client.get(f"/commerce/checkout/receipt/{order.number}/"), within="commerce-receipt")


def codes_of(order):
    return RegistrationCode.objects.filter(order_line__order=order)


def test_the_receipt_prices_every_line_and_the_total_in_the_shops_currency_format(buy_seats, seat, client):
    order = buy_seats(seat, 2)
    client.login(username="buyer", password="edx")
    text = receipt_text(client, order)
    assert f"Order {order.number} : $200.00." in text
    assert "Seat in Demonstration Course with verified certificate × 2: $200.00" in text
    assert "USD" not in text and "200.00 " not in text.replace("$200.00", "")


def test_the_receipt_shows_no_internal_order_status(buy_seats, seat, client):
    order = buy_seats(seat, 1)
    client.login(username="buyer", password="edx")
    assert order.status == "Complete"
    text = receipt_text(client, order)
    assert "Complete" not in text and "you are enrolled" in text
    Order.objects.filter(id=order.id).update(status="Open")  # paid, fulfillment still running
    text = receipt_text(client, order)
    assert "Open" not in text and "We are enrolling you now" in text


def test_the_receipt_of_codes_says_the_buyer_is_not_enrolled(buy_seats, seat, client):
    order = buy_seats(seat, 3)
    client.login(username="buyer", password="edx")
    text = receipt_text(client, order)
    assert "Your registration codes are below and in your email; you are not enrolled yourself." in text
    assert "you are enrolled:" not in text


def test_the_receipts_code_table_names_the_course_and_the_codes_state_in_words(buy_seats, seat, client, make_user):
    order = buy_seats(seat, 2)
    used, _unused = codes_of(order).order_by("id")
    api.redeem(make_user("friend"), used.code)
    client.login(username="buyer", password="edx")
    page = client.get(f"/commerce/checkout/receipt/{order.number}/").content.decode()
    cells = re.findall(r'class="registration-code-course"[^>]*>([^<]*)<', page)
    assert cells == [TITLE, TITLE]
    assert sorted(re.findall(r'class="registration-code-status"[^>]*>([^<]*)<', page)) == ["Not used yet", "Used"]
    assert f">{COURSE}<" not in page and ">available<" not in page


def test_the_codes_email_names_the_course(buy_seats, seat):
    order = buy_seats(seat, 2)
    body = mail.outbox[0].body
    assert TITLE in body and COURSE not in body
    assert all(code in body for code in codes_of(order).values_list("code", flat=True))


def test_a_multi_seat_basket_says_it_gives_codes_and_no_enrollment(learner, seat, client):
    api.add_seats_to_basket(learner, seat.sku, 3)
    client.force_login(learner)
    text = visible_text(client.get("/basket/"))
    assert (
        "You will get 3 registration codes for Demonstration Course, one per seat, to hand out, "
        "and will not be enrolled yourself." in text
    )
    assert "Pay $300.00" in text


def test_a_one_seat_basket_says_nothing_about_codes(learner, seat, client):
    api.add_seats_to_basket(learner, seat.sku, 1)
    client.force_login(learner)
    page = client.get("/basket/").content.decode()
    assert "commerce-multi-seat-note" not in page and "registration code" not in page
    assert "Pay $100.00" in page


def test_the_buy_page_names_the_course_and_prices_in_the_shops_format(learner, seat, client):
    client.force_login(learner)
    text = visible_text(client.get("/commerce/registration-codes/buy/", {"sku": seat.sku, "quantity": 3}))
    assert "3 seats in Demonstration Course (verified). Total: $300.00." in text
    assert COURSE not in text and "USD" not in text


def test_a_pending_redemption_checks_again_by_itself_and_links_to_the_dashboard(buy_seats, seat, make_user, client):
    code = codes_of(buy_seats(seat, 2)).first()
    make_user("friend")
    client.login(username="friend", password="edx")
    client.post(REDEEM_PAGE, {"code": code.code})  # not committed: the enrollment task has not run
    redemption = Redemption.objects.get()
    page = client.get(REDEEM_PAGE, {"redemption": redemption.id}).content.decode()
    state = re.search(r'<p class="redemption-state"[^>]*>', page).group(0)
    assert 'data-status="pending"' in state and 'aria-live="polite"' in state and 'role="status"' in state
    assert "registration_codes/redemption_state.js" in page
    assert f'href="?redemption={redemption.id}"' in page  # without script: check again by hand
    assert 'id="redemption-dashboard" href="http://localhost:18000/dashboard"' in page
    text = visible_text(client.get(REDEEM_PAGE, {"redemption": redemption.id}), within="redeem-registration-code")
    assert f"for {TITLE}: your enrollment is being made" in text
    assert COURSE not in text


def test_an_answered_redemption_stops_checking_and_links_to_the_dashboard(
    buy_seats, seat, make_user, client, committed
):
    code = codes_of(buy_seats(seat, 2)).first()
    make_user("friend")
    client.login(username="friend", password="edx")
    with committed():
        client.post(REDEEM_PAGE, {"code": code.code})
    page = client.get(REDEEM_PAGE, {"redemption": Redemption.objects.get().id}).content.decode()
    assert 'data-status="enrolled"' in page
    assert "redemption_state.js" not in page and "Check again" not in page
    assert 'id="redemption-dashboard"' in page


def test_the_redemption_api_gives_the_course_title(buy_seats, seat, make_user, committed):
    from support.clients import client_for  # noqa: PLC0415

    code = codes_of(buy_seats(seat, 2)).first()
    with committed():
        response = client_for(make_user("friend")).post(
            "/api/commerce/v1/registration-codes/redemptions/", {"code": code.code}, format="json"
        )
    assert response.json()["course_title"] == TITLE


def test_a_course_the_shop_sells_nothing_of_has_no_title(db, seat):
    from ecommerce_plugin.catalog.api import course_title, course_titles  # noqa: PLC0415

    assert course_titles([COURSE, "course-v1:edX+Unknown+2026"]) == {COURSE: TITLE}
    assert course_title("course-v1:edX+Unknown+2026") is None
