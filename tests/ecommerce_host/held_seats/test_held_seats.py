"""
A learner cannot buy a seat they already hold (that mode or a higher one) or have already paid
for: refused when added to the basket, and again at payment, with nothing charged and no call
to the LMS in the payment request. Multi-seat purchases stay repeatable.
"""
from datetime import timedelta

import pytest
from django.utils import timezone
from ecommerce_host.held_seats.support import CARD, basket_holding, charges
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout_api
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.held_seats import api, rules
from ecommerce_plugin.held_seats.models import LearnerEnrollment
from ecommerce_plugin.registration_codes import api as codes_api
from ecommerce_plugin.registration_codes.models import RegistrationCode
from support.clients import client_for

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
CHECKOUT = "/api/commerce/v1/checkout/"


@pytest.fixture
def bought(learner, seat, fake_lms, committed):
    """The learner paid for the seat and the shop enrolled them (the line is Complete)."""
    basket = checkout_api.add_skus_to_basket(learner, [seat.sku])
    with committed():
        placed = checkout_api.place_order(learner, basket.id, {"card_number": CARD})
    order = Order.objects.get(number=placed.number)
    assert order.lines.get().status == "Complete"
    return order


def lms_reports(user, course_key, mode, is_active=True, when=None):
    return LearnerEnrollment.objects.create(
        user=user, course_key=course_key, mode=mode, is_active=is_active, reported_at=when or timezone.now()
    )


def test_adding_a_seat_the_learner_holds_shows_why_with_a_link_to_the_course(client, learner, seat, bought):
    client.force_login(learner)
    response = client.get("/basket/add/", {"sku": seat.sku}, follow=True)

    page = response.content.decode()
    assert "You are already enrolled in Demonstration Course (verified)" in page
    assert 'href="http://localhost:18000/courses/course-v1:edX+DemoX+Demo_Course/about"' in page
    assert not Basket.open.filter(owner=learner).first().all_lines()


def test_the_basket_api_refuses_a_held_seat(learner, seat, bought):
    response = client_for(learner).post("/api/commerce/v1/basket/items/", {"skus": [seat.sku]}, format="json")
    assert (response.status_code, response.json()["error_code"]) == (409, "seat_already_held")
    assert "/courses/course-v1:edX+DemoX+Demo_Course/about" in response.json()["message"]


def test_paying_again_for_a_held_seat_is_refused_and_charges_nothing(learner, seat, bought, fake_lms):
    basket = basket_holding(learner, seat)
    calls = len(fake_lms.posts) + len(fake_lms.gets)

    response = client_for(learner).post(CHECKOUT, {"basket_id": basket.id, "card_number": CARD}, format="json")

    assert (response.status_code, response.json()["error_code"]) == (409, "seat_already_held")
    assert len(charges()) == 1 and Order.objects.count() == 1
    assert Basket.objects.get(id=basket.id).status == Basket.OPEN
    assert len(fake_lms.posts) + len(fake_lms.gets) == calls  # no LMS call in the payment


def test_a_seat_paid_for_whose_fulfillment_is_open_is_refused(learner, seat, fake_lms):
    first = checkout_api.add_skus_to_basket(learner, [seat.sku])
    checkout_api.place_order(learner, first.id, {"card_number": CARD})  # not committed: no fulfillment yet
    assert Order.objects.get().lines.get().status == "Open"

    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.add_skus_to_basket(learner, [seat.sku])
    assert refused.value.error_code == "seat_already_paid"
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.place_order(learner, basket_holding(learner, seat).id, {"card_number": CARD})
    assert refused.value.error_code == "seat_already_paid"
    assert len(charges()) == 1


def test_a_basket_being_paid_counts_as_paid(learner, seat):
    frozen = basket_holding(learner, seat)
    frozen.freeze()
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.place_order(learner, basket_holding(learner, seat).id, {"card_number": CARD})
    assert refused.value.error_code == "seat_already_paid"
    assert not charges()


@pytest.mark.parametrize("held_mode", ["verified", "professional", "credit"])
def test_an_lms_enrollment_in_that_mode_or_higher_is_refused(learner, seat, held_mode):
    lms_reports(learner, seat.course_key, held_mode)
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.place_order(learner, basket_holding(learner, seat).id, {"card_number": CARD})
    assert refused.value.error_code == "seat_already_held"
    assert not charges()


def test_an_audit_learner_may_buy_the_verified_seat(learner, seat, fake_lms):
    lms_reports(learner, seat.course_key, "audit")
    basket = checkout_api.add_skus_to_basket(learner, [seat.sku])
    assert checkout_api.place_order(learner, basket.id, {"card_number": CARD}).created
    assert len(charges()) == 1


def test_an_inactive_lms_enrollment_does_not_count(learner, seat, fake_lms):
    lms_reports(learner, seat.course_key, "verified", is_active=False)
    basket = checkout_api.add_skus_to_basket(learner, [seat.sku])
    assert checkout_api.place_order(learner, basket.id, {"card_number": CARD}).created


def test_an_lms_report_newer_than_the_order_wins(learner, seat, bought, fake_lms):
    """The learner unenrolled in the LMS after the shop enrolled them: they may buy again."""
    lms_reports(learner, seat.course_key, "verified", is_active=False, when=bought.date_placed + timedelta(minutes=5))
    basket = checkout_api.add_skus_to_basket(learner, [seat.sku])
    assert checkout_api.place_order(learner, basket.id, {"card_number": CARD}).created


def test_a_redeemed_code_for_the_course_counts_as_held(learner, seat, buy_seats):
    code = RegistrationCode.objects.filter(order_line__order=buy_seats(seat, 2, username="company")).first()
    codes_api.redeem(learner, code.code)
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.add_skus_to_basket(learner, [seat.sku])
    assert refused.value.error_code == "seat_already_held"


def test_multi_seat_purchases_stay_repeatable_for_a_learner_who_holds_the_seat(learner, seat, bought, buy_seats):
    first = buy_seats(seat, 3, username=learner.username)
    second = buy_seats(seat, 3, username=learner.username)
    assert first.number != second.number
    assert RegistrationCode.objects.filter(order_line__order__in=[first, second]).count() == 6


def test_a_single_seat_through_the_codes_basket_is_the_buyer_s_own_and_refused(learner, seat, bought):
    response = client_for(learner).post(
        "/api/commerce/v1/registration-codes/basket/", {"sku": seat.sku, "quantity": 1}, format="json"
    )
    assert (response.status_code, response.json()["error_code"]) == (409, "seat_already_held")


def test_a_stock_shop_relies_on_the_plugins_own_guard(learner, seat, bought):
    from ecommerce_plugin import platform  # noqa: PLC0415

    assert not platform.host_refuses_duplicate_seats()
    with pytest.raises(api.SeatHeld):
        api.refuse_if_held(learner, seat)


def test_a_host_that_refuses_duplicates_itself_is_left_to_do_so(monkeypatch, learner, seat, bought, fake_lms):
    monkeypatch.setattr("ecommerce_plugin.platform.host_refuses_duplicate_seats", lambda: True)
    basket = checkout_api.add_skus_to_basket(learner, [seat.sku])
    assert checkout_api.place_order(learner, basket.id, {"card_number": CARD}).created


def test_the_payment_check_costs_a_fixed_number_of_queries(learner, seat, django_assert_max_num_queries):
    lms_reports(learner, seat.course_key, "audit")
    basket = basket_holding(learner, seat)
    with django_assert_max_num_queries(9):
        assert api.held_seat(learner, seat, exclude_basket_id=basket.id) is None


@pytest.mark.parametrize(
    "held,wanted,expected",
    [
        ("verified", "verified", True),
        ("professional", "verified", True),
        ("no-id-professional", "professional", True),
        ("audit", "verified", False),
        ("honor", "audit", True),
        ("verified", "professional", False),
        ("custom-mode", "custom-mode", True),
        ("custom-mode", "audit", False),
    ],
)
def test_which_modes_include_which(held, wanted, expected):
    assert rules.holds(held, wanted) is expected


def test_a_seat_whose_fulfillment_failed_counts_as_paid_until_it_is_refunded(learner, seat, bought):
    bought.lines.update(status="Fulfillment Server Error")
    held = api.held_seat(learner, seat)
    assert held is not None and held.error_code == "seat_already_paid"

    bought.lines.update(status="Refunded")
    assert api.held_seat(learner, seat) is None
