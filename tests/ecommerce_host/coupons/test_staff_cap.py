"""
Course staff make coupons up to a configured percentage and number of uses; above it, only a
finance admin of the course may.
"""
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from oscar.core.loading import get_model

from support.clients import client_for

COUPONS = "/api/commerce/v1/coupons/"
Voucher = get_model("voucher", "Voucher")


@pytest.fixture
def teacher(make_user, grant):
    user = make_user("teacher")
    grant(user, "staff")
    return user


@pytest.fixture
def money(make_user, grant):
    user = make_user("money")
    grant(user, "finance_admin")
    return user


def create(user, seat, **fields):
    body = {
        "course_key": seat.course_key, "end_datetime": (timezone.now() + timedelta(days=1)).isoformat(), **fields,
    }
    return client_for(user).post(COUPONS, body, format="json")


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=50, COMMERCE_COUPON_STAFF_MAX_USES=100)
@pytest.mark.parametrize(
    "fields",
    [
        {"percentage": "100", "max_uses": 1},
        {"percentage": "50.01", "max_uses": 1},
        {"percentage": "10", "max_uses": 101},
        {"percentage": "10"},  # multi-use without a limit: unlimited
        {"percentage": "10", "usage": Voucher.ONCE_PER_CUSTOMER},
    ],
)
def test_staff_cannot_create_a_coupon_above_the_cap(teacher, seat, fields):
    response = create(teacher, seat, **fields)
    assert (response.status_code, response.json()["error_code"]) == (403, "coupon_above_staff_cap")
    assert not Voucher.objects.exists()


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=50, COMMERCE_COUPON_STAFF_MAX_USES=100)
@pytest.mark.parametrize(
    "fields",
    [
        {"percentage": "50", "max_uses": 100},
        {"percentage": "50", "usage": Voucher.SINGLE_USE},
    ],
)
def test_staff_create_coupons_up_to_the_cap(teacher, seat, fields):
    assert create(teacher, seat, **fields).status_code == 201


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=50, COMMERCE_COUPON_STAFF_MAX_USES=100)
def test_a_finance_admin_creates_a_coupon_above_the_cap(money, seat):
    response = create(money, seat, percentage="100")
    assert response.status_code == 201, response.content
    assert (response.json()["percentage"], response.json()["max_uses"]) == ("100.00", None)


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=100, COMMERCE_COUPON_STAFF_MAX_USES=10**6)
def test_the_cap_is_the_operator_s_setting(teacher, seat):
    assert create(teacher, seat, percentage="100", max_uses=1000).status_code == 201
