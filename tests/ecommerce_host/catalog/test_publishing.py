"""
Seat prices reach the LMS's course modes as Otto publishes them (the LMS commerce API's PUT), after
the price change commits; the LMS's other modes are sent back unchanged, so none is deleted.
"""
from decimal import Decimal

import pytest
from ecommerce_host.registration_codes.support import COURSE

from ecommerce_plugin.catalog import publishing
from ecommerce_plugin.catalog.data import Seat
from ecommerce_plugin.finance import api as finance_api

LMS_MODES = [
    {"name": "audit", "currency": "usd", "price": 0, "sku": None, "bulk_sku": None, "expires": None,
     "android_sku": None, "ios_sku": None},
    {"name": "verified", "currency": "usd", "price": 49, "sku": "OLD", "bulk_sku": None,
     "expires": "2027-01-01T00:00:00Z", "android_sku": None, "ios_sku": None},
]


def a_seat(**fields):
    values = {"product_id": 1, "course_key": COURSE, "certificate_type": "verified", "id_verification_required": True,
              "sku": "VERI-DEMO", "price": Decimal("120.50"), "currency": "USD", **fields}
    return Seat(**values)


def test_the_shop_s_seats_are_priced_into_the_lms_s_own_modes():
    modes = publishing.lms_modes([a_seat()], LMS_MODES)
    assert modes[0] == LMS_MODES[0]  # the LMS's audit mode, which the shop does not sell, goes back as it was
    assert modes[1] == {**LMS_MODES[1], "price": 120, "sku": "VERI-DEMO", "currency": "usd"}


def test_a_mode_the_lms_lacks_is_added():
    assert publishing.lms_modes([a_seat(certificate_type="professional", sku="PRO-1")], []) == [
        {"name": "professional", "expires": None, "bulk_sku": None, "price": 120, "currency": "usd", "sku": "PRO-1"}
    ]


@pytest.fixture
def finance_admin(make_user, grant):
    user = make_user("money")
    grant(user, "finance_admin")
    return user


def test_a_price_change_is_published_after_its_commit(seat, finance_admin, fake_lms, committed):
    fake_lms.facts[COURSE] = {"id": COURSE, "modes": LMS_MODES}
    with committed():
        finance_api.change_seat_price(finance_admin, seat.sku, Decimal("75.00"))
        assert fake_lms.puts == []  # nothing leaves the shop inside the transaction
    url, body = fake_lms.puts[-1]
    assert url.endswith(f"/api/commerce/v1/courses/{COURSE}/")
    assert [(mode["name"], mode["price"], mode["sku"]) for mode in body["modes"]] == [
        ("audit", 0, None), ("verified", 75, "VERI-DEMO")
    ]


def test_a_refused_publication_is_an_error_to_retry(seat, fake_lms, monkeypatch):
    monkeypatch.setattr(fake_lms, "put", lambda url, json=None, **kwargs: fake_lms._response(403, {}))
    with pytest.raises(publishing.PublicationRefused):
        publishing.publish_course_modes(COURSE)
