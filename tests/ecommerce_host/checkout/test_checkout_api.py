"""
Paying for a basket: one order per basket, nothing charged when anything refuses.
"""
import pytest
from django.test import override_settings
from ecommerce.extensions.payment.models import PaymentProcessorResponse
from oscar.core.loading import get_model
from rest_framework.test import APIClient

from ecommerce_plugin.checkout import api, steps
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.checkout.steps import CheckoutStep
from support import gateway

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

CHECKOUT_URL = "/api/commerce/v1/checkout/"
ITEMS_URL = "/api/commerce/v1/basket/items/"
RELEASED = []


class RefuseEverything(CheckoutStep):
    def prepare(self, basket, context):
        raise CheckoutRefused("quote_stale", "The price changed.")


class RecordRelease(CheckoutStep):
    def release(self, basket, context):
        RELEASED.append(basket.id)


@pytest.fixture
def basket_with_seat(learner, verified_seat):
    return api.add_skus_to_basket(learner, [verified_seat.sku])


@pytest.fixture(autouse=True)
def _fresh_steps():
    """Steps are loaded once per settings value; tests change the setting."""
    steps._load.cache_clear()
    RELEASED.clear()
    yield
    steps._load.cache_clear()


def pay(client, basket, **fields):
    payload = {"basket_id": basket.id, "card_number": "4111111111111111", **fields}
    return client.post(CHECKOUT_URL, payload, format="json")


def test_adding_a_sku_fills_the_basket_with_that_seat_only(client_for, learner, verified_seat, make_seat):
    other = make_seat(certificate_type="audit", price="0.00", sku="AUDIT-1")
    client = client_for(learner)
    client.post(ITEMS_URL, {"skus": [other.sku]}, format="json")
    response = client.post(ITEMS_URL, {"skus": [verified_seat.sku]}, format="json")
    assert response.status_code == 200
    basket = Basket.objects.get(id=response.json()["basket_id"])
    assert [line.product_id for line in basket.lines.all()] == [verified_seat.product_id]


def test_unknown_sku_is_a_404_with_a_code(client_for, learner):
    response = client_for(learner).post(ITEMS_URL, {"skus": ["NOPE"]}, format="json")
    assert response.status_code == 404
    assert response.json()["error_code"] == "product_not_found"


def test_paying_writes_one_order_with_its_payment(client_for, learner, basket_with_seat):
    response = pay(client_for(learner), basket_with_seat)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["total_incl_tax"] == "49.00"
    order = Order.objects.get(number=body["order_number"])
    assert order.user == learner and order.status == "Open"
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert Basket.objects.get(id=basket_with_seat.id).status == Basket.SUBMITTED


def test_paying_again_answers_the_same_order_and_charges_once(client_for, learner, basket_with_seat):
    client = client_for(learner)
    first = pay(client, basket_with_seat)
    second = pay(client, basket_with_seat)
    assert second.status_code == 200
    assert second.json()["order_number"] == first.json()["order_number"]
    assert Order.objects.count() == 1
    assert PaymentProcessorResponse.objects.count() == 1


def test_declined_card_charges_nothing_and_reopens_the_basket(client_for, learner, basket_with_seat):
    response = pay(client_for(learner), basket_with_seat, card_number="4000000000000002")
    assert response.status_code == 402
    assert response.json()["error_code"] == "payment_declined"
    assert not Order.objects.exists()
    assert Basket.objects.get(id=basket_with_seat.id).status == Basket.OPEN


def test_nobody_pays_for_another_users_basket(client_for, make_user, basket_with_seat):
    response = pay(client_for(make_user("intruder")), basket_with_seat)
    assert response.status_code == 404
    assert response.json()["error_code"] == "basket_not_found"
    assert not PaymentProcessorResponse.objects.exists()


def test_a_basket_being_paid_cannot_be_paid_again(client_for, learner, basket_with_seat):
    basket_with_seat.freeze()
    response = pay(client_for(learner), basket_with_seat)
    assert response.status_code == 409
    assert response.json()["error_code"] == "basket_locked"


def test_an_empty_basket_is_refused(client_for, learner):
    basket = Basket.objects.create(owner=learner)
    response = pay(client_for(learner), basket)
    assert response.status_code == 400
    assert response.json()["error_code"] == "basket_empty"


def test_malformed_request_is_a_400_with_field_errors(client_for, learner):
    response = client_for(learner).post(CHECKOUT_URL, {"basket_id": "x", "card_number": "12"}, format="json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_request"
    assert set(response.json()["field_errors"]) == {"basket_id", "card_number"}


def test_anonymous_callers_are_refused(basket_with_seat):
    assert pay(APIClient(), basket_with_seat).status_code in (401, 403)


@override_settings(COMMERCE_CHECKOUT_STEPS=["checkout.test_checkout_api.RefuseEverything"])
def test_a_refusing_step_stops_the_checkout_before_the_charge(client_for, learner, basket_with_seat):
    response = pay(client_for(learner), basket_with_seat)
    assert response.status_code == 400
    assert response.json() == {"error_code": "quote_stale", "message": "The price changed."}
    assert not PaymentProcessorResponse.objects.exists()
    assert Basket.objects.get(id=basket_with_seat.id).status == Basket.OPEN


@override_settings(COMMERCE_CHECKOUT_STEPS=["checkout.test_checkout_api.RecordRelease"])
def test_steps_release_their_reservations_when_the_charge_fails(client_for, learner, basket_with_seat):
    pay(client_for(learner), basket_with_seat, card_number="4000000000000002")
    assert [basket_with_seat.id] == RELEASED


def test_a_charge_whose_order_cannot_be_written_is_refunded(monkeypatch, learner, basket_with_seat):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(api.OrderCreator, "place_order", broken)
    with pytest.raises(CheckoutRefused) as refused:
        api.place_order(learner, basket_with_seat.id, {"card_number": "4111111111111111"})
    assert refused.value.error_code == "order_creation_failed"
    assert gateway.kinds() == ["charge", "refund"]
    assert Basket.objects.get(id=basket_with_seat.id).status == Basket.OPEN


def test_checkout_query_count_is_bounded(django_assert_max_num_queries, learner, basket_with_seat):
    # 67 today: Oscar writes an order in ~35 queries; the held-seat check costs 10; the rest is locking,
    # offers and the payment record.
    with django_assert_max_num_queries(68):
        api.place_order(learner, basket_with_seat.id, {"card_number": "4111111111111111"})


def test_a_failure_after_the_order_commits_keeps_the_order_and_the_payment(monkeypatch, learner, basket_with_seat):
    """A hook that runs after the commit (a broker that is down, say) must not refund a placed order."""
    original = api._write_order

    def write_then_fail(*args, **kwargs):
        original(*args, **kwargs)
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(api, "_write_order", write_then_fail)
    placed = api.place_order(learner, basket_with_seat.id, {"card_number": "4111111111111111"})
    assert placed.created
    assert Order.objects.filter(number=placed.number).exists()
    assert gateway.kinds() == ["charge"]
    assert Basket.objects.get(id=basket_with_seat.id).status == Basket.SUBMITTED
