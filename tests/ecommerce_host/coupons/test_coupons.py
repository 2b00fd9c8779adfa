"""
Coupons: percentage off a course's seats, with expiry and usage limits, one per order.
"""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from ecommerce_host.registration_codes.support import OTHER_COURSE
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout_api
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.coupons import api
from support.clients import client_for

COUPONS = "/api/commerce/v1/coupons/"
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


@pytest.fixture
def teacher(make_user, grant):
    user = make_user("teacher")
    grant(user, "staff")
    return user


@pytest.fixture
def coupon(teacher, seat):
    def make(**fields):
        fields.setdefault("end_datetime", timezone.now() + timedelta(days=7))
        fields.setdefault("max_uses", 10)  # within what course staff may create
        return api.create_coupon(teacher, course_key=seat.course_key, percentage=Decimal("25"), **fields)

    return make


def buy_with(user, seat, code, committed):
    checkout_api.add_skus_to_basket(user, [seat.sku])
    basket = api.apply_coupon(user, code)
    with committed():
        placed = checkout_api.place_order(user, basket.id, {"card_number": "4111111111111111"})
    return Order.objects.get(number=placed.number)


def test_course_staff_create_a_percentage_coupon_through_the_api(teacher, seat):
    response = client_for(teacher).post(
        COUPONS,
        {"course_key": seat.course_key, "percentage": "25", "end_datetime": (timezone.now() + timedelta(days=1)).isoformat(),
         "max_uses": 3, "code": "SPRING25"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["code"], response.json()["max_uses"]) == ("SPRING25", 3)
    listed = client_for(teacher).get(COUPONS, {"course_key": seat.course_key}).json()
    assert [row["code"] for row in listed] == ["SPRING25"]


def test_a_coupon_takes_its_percentage_off_the_order(coupon, seat, learner, fake_lms, committed):
    order = buy_with(learner, seat, coupon().code, committed)
    assert order.total_incl_tax == Decimal("75.00")


def test_an_expired_coupon_is_refused(coupon, seat, learner):
    code = coupon(start_datetime=timezone.now() - timedelta(days=10), end_datetime=timezone.now() - timedelta(days=1)).code
    checkout_api.add_skus_to_basket(learner, [seat.sku])
    with pytest.raises(CheckoutRefused) as refused:
        api.apply_coupon(learner, code)
    assert refused.value.error_code == "coupon_expired"


def test_a_coupon_that_expires_in_the_basket_is_refused_at_checkout(coupon, seat, learner):
    made = coupon()
    checkout_api.add_skus_to_basket(learner, [seat.sku])
    basket = api.apply_coupon(learner, made.code)
    get_model("voucher", "Voucher").objects.filter(code=made.code).update(end_datetime=timezone.now() - timedelta(seconds=1))
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.place_order(learner, basket.id, {"card_number": "4111111111111111"})
    assert refused.value.error_code == "coupon_expired"


def test_an_exhausted_coupon_is_refused(coupon, seat, make_user, fake_lms, committed):
    code = coupon(max_uses=1).code
    buy_with(make_user("first"), seat, code, committed)
    second = make_user("second")
    checkout_api.add_skus_to_basket(second, [seat.sku])
    with pytest.raises(CheckoutRefused) as refused:
        api.apply_coupon(second, code)
    assert refused.value.error_code == "coupon_exhausted"


def test_a_basket_frozen_for_payment_holds_the_last_use(coupon, seat, make_user):
    code = coupon(max_uses=1).code
    first, second = make_user("first"), make_user("second")
    for user in (first, second):
        checkout_api.add_skus_to_basket(user, [seat.sku])
        api.apply_coupon(user, code)
    Basket.objects.filter(owner=first).update(status=Basket.FROZEN)  # first is being charged
    basket = Basket.open.get(owner=second)
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.place_order(second, basket.id, {"card_number": "4111111111111111"})
    assert refused.value.error_code == "coupon_exhausted"


def test_one_coupon_per_order(coupon, seat, learner):
    first, second = coupon(), coupon()
    checkout_api.add_skus_to_basket(learner, [seat.sku])
    basket = api.apply_coupon(learner, first.code)
    basket.vouchers.add(get_model("voucher", "Voucher").objects.get(code=second.code))  # e.g. Oscar's own form
    with pytest.raises(CheckoutRefused) as refused:
        checkout_api.place_order(learner, basket.id, {"card_number": "4111111111111111"})
    assert refused.value.error_code == "one_coupon_per_order"


def test_applying_a_second_coupon_replaces_the_first(coupon, seat, learner):
    first, second = coupon(), coupon()
    checkout_api.add_skus_to_basket(learner, [seat.sku])
    api.apply_coupon(learner, first.code)
    basket = api.apply_coupon(learner, second.code)
    assert [voucher.code for voucher in basket.vouchers.all()] == [second.code]


def test_a_coupon_for_another_course_does_not_apply(teacher, grant, make_seat, seat, learner):
    make_seat(course_key=OTHER_COURSE, sku="VERI-OTHER")
    grant(teacher, "staff", course_key=OTHER_COURSE)
    other = api.create_coupon(
        teacher, course_key=OTHER_COURSE, percentage=10, max_uses=5, end_datetime=timezone.now() + timedelta(days=1)
    )
    checkout_api.add_skus_to_basket(learner, [seat.sku])
    with pytest.raises(CheckoutRefused) as refused:
        api.apply_coupon(learner, other.code)
    assert refused.value.error_code == "coupon_not_applicable"


@pytest.mark.parametrize("method", ["get", "post"])
def test_learners_cannot_manage_coupons(learner, seat, method):
    body = {"course_key": seat.course_key, "percentage": "50", "end_datetime": timezone.now().isoformat()}
    response = (client_for(learner).post(COUPONS, body, format="json") if method == "post"
                else client_for(learner).get(COUPONS, {"course_key": seat.course_key}))
    assert (response.status_code, response.json()["error_code"]) == (403, "not_course_staff")


def test_finance_admins_manage_coupons_too(make_user, grant, seat):
    money = make_user("money")
    grant(money, "finance_admin")
    assert api.create_coupon(money, course_key=seat.course_key, percentage=5, end_datetime=timezone.now() + timedelta(days=1))
