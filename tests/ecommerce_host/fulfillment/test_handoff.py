"""
The receipt's hand-off token to the LMS: short-lived, single-use id, bound to its order, kept out
of what servers log (the URL fragment), and a secret long enough for HS256.
"""
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout_api
from ecommerce_plugin.fulfillment import api
from ecommerce_plugin.fulfillment.handoff import check_settings

Order = get_model("order", "Order")
SECRET = "a-pending-enrollment-secret-of-32+chars"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def secret(settings):
    settings.COMMERCE_PENDING_ENROLLMENT_SECRET = SECRET


def _token(url):
    parts = urlsplit(url)
    assert parts.path == "/commerce/pending-enrollments/from-receipt/" and not parts.query
    return parse_qs(parts.fragment)["token"][0]


def _claims(url):
    return jwt.decode(_token(url), SECRET, algorithms=["HS256"], audience="lms:pending-enrollments",
                      options={"require": ["exp", "iat", "jti"]})


def _open_order(place_seat_order, django_capture_on_commit_callbacks, username="ada"):
    with django_capture_on_commit_callbacks(execute=False):  # not fulfilled yet: the receipt's usual case
        return Order.objects.get(number=place_seat_order(username))


def test_the_receipt_hands_off_a_signed_token_in_the_url_fragment(place_seat_order, django_capture_on_commit_callbacks):
    order = _open_order(place_seat_order, django_capture_on_commit_callbacks)
    claims = _claims(api.learner_dashboard_url(order))
    assert claims["preferred_username"] == "ada"
    assert claims["order_number"] == order.number
    assert claims["enrollments"] == [{"course_id": "course-v1:edX+DemoX+Demo_Course", "mode": "verified"}]


def test_the_token_lives_minutes_and_each_has_its_own_id(place_seat_order, django_capture_on_commit_callbacks):
    order = _open_order(place_seat_order, django_capture_on_commit_callbacks)
    first, second = _claims(api.learner_dashboard_url(order)), _claims(api.learner_dashboard_url(order))
    assert first["exp"] - first["iat"] == 300
    assert first["jti"] != second["jti"]


def test_an_order_no_longer_being_fulfilled_links_to_the_plain_dashboard(
    place_seat_order, django_capture_on_commit_callbacks
):
    order = _open_order(place_seat_order, django_capture_on_commit_callbacks)
    Order.objects.filter(pk=order.pk).update(status="Fulfillment Error")
    order.refresh_from_db()
    assert api.learner_dashboard_url(order).endswith("/dashboard")


def test_code_purchases_are_not_handed_off_as_pending(learner, verified_seat, django_capture_on_commit_callbacks):
    from ecommerce_plugin.registration_codes import api as codes_api  # noqa: PLC0415

    with django_capture_on_commit_callbacks(execute=False):
        basket = codes_api.add_seats_to_basket(learner, verified_seat.sku, 5)
        order = Order.objects.get(number=checkout_api.place_order(learner, basket.id, {}).number)
    assert api.seat_enrollments(order) == []
    assert api.learner_dashboard_url(order).endswith("/dashboard")


@pytest.mark.parametrize("secret", ["s3cret", "x" * 31])
def test_a_short_secret_is_refused_at_start_up(secret):
    with pytest.raises(ImproperlyConfigured, match="COMMERCE_PENDING_ENROLLMENT_SECRET"):
        check_settings(secret, 300)


@pytest.mark.parametrize("lifetime", [0, 901, 86400, "300"])
def test_a_token_life_the_lms_would_refuse_is_refused_at_start_up(lifetime):
    with pytest.raises(ImproperlyConfigured, match="COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME"):
        check_settings(SECRET, lifetime)


def test_the_fulfillment_app_checks_its_settings_when_the_shop_starts(settings):
    check_settings("", 300)  # empty: the hand-off is off, which is allowed
    settings.COMMERCE_PENDING_ENROLLMENT_SECRET = "short"
    with pytest.raises(ImproperlyConfigured, match="COMMERCE_PENDING_ENROLLMENT_SECRET"):
        apps.get_app_config("commerce_fulfillment").ready()
