"""
The plugin's buy link changes nothing on GET: it asks the learner to confirm, and only the
confirmation's CSRF-protected POST fills the basket.
"""
from django.test import Client
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout_api

Basket = get_model("basket", "Basket")
BUY = "/commerce/registration-codes/buy/"


def _open_basket_skus(user):
    basket = Basket.open.filter(owner=user).first()
    return [line.stockrecord.partner_sku for line in basket.all_lines()] if basket else []


def test_a_get_from_anywhere_leaves_the_basket_alone(client, learner, seat, make_seat):
    other = make_seat(certificate_type="audit", price="0.00", sku="AUDIT-1")
    checkout_api.add_skus_to_basket(learner, [other.sku])
    client.force_login(learner)

    response = client.get(BUY, {"sku": seat.sku, "quantity": "500"})

    assert response.status_code == 200
    page = response.content.decode()
    assert 'method="post"' in page and 'name="quantity"' in page and 'value="500"' in page
    assert _open_basket_skus(learner) == [other.sku]


def test_the_confirmation_post_fills_the_basket(client, learner, seat):
    client.force_login(learner)
    response = client.post(BUY, {"sku": seat.sku, "quantity": "3"})
    assert (response.status_code, response["Location"]) == (302, "/basket/")
    basket = Basket.open.get(owner=learner)
    assert [(line.stockrecord.partner_sku, line.quantity) for line in basket.all_lines()] == [(seat.sku, 3)]


def test_a_cross_site_post_without_the_csrf_token_is_refused(learner, seat):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(learner)
    response = browser.post(BUY, {"sku": seat.sku, "quantity": "500"})
    assert response.status_code == 403
    assert _open_basket_skus(learner) == []


def test_a_refused_confirmation_says_why_and_changes_nothing(client, learner, seat, settings):
    client.force_login(learner)
    response = client.post(BUY, {"sku": seat.sku, "quantity": str(settings.COMMERCE_MAX_SEATS_PER_ORDER + 1)})
    assert response.status_code == 400
    assert 'data-error-code="too_many_seats"' in response.content.decode()
    assert _open_basket_skus(learner) == []


def test_an_unknown_sku_shows_no_form(client, learner, db):
    client.force_login(learner)
    response = client.get(BUY, {"sku": "NOPE", "quantity": "2"})
    assert response.status_code == 200
    assert 'data-error-code="seat_not_found"' in response.content.decode()
    assert 'method="post"' not in response.content.decode()
