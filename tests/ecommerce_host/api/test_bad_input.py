"""
Bad input on the plugin's write endpoints: a 400 with an ``error_code``, never a 500, nothing changed.
"""
import pytest
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import api as checkout_api

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

# Every write endpoint of the plugin's APIs (path arguments filled with values that exist or not:
# the body is refused before they matter).
WRITE_ENDPOINTS = [
    ("post", "/api/commerce/v1/basket/items/"),
    ("post", "/api/commerce/v1/checkout/"),
    ("post", "/api/commerce/v1/registration-codes/basket/"),
    ("post", "/api/commerce/v1/registration-codes/redemptions/"),
    ("post", "/api/commerce/v1/invoices/"),
    ("post", "/api/commerce/v1/coupons/"),
    ("post", "/api/commerce/v1/coupons/basket/"),
    ("post", "/api/commerce/v1/ccx/quotes/"),
    ("post", "/api/commerce/v1/ccx/basket/lines/"),
    ("put", "/api/commerce/v1/finance/seats/SKU-1/price/"),
]
NOT_OBJECTS = [[], [{"basket_id": 1}], "basket", 7, None]


@pytest.mark.parametrize("method,path", WRITE_ENDPOINTS)
@pytest.mark.parametrize("body", NOT_OBJECTS, ids=repr)
def test_a_body_that_is_not_an_object_is_a_400_with_an_error_code(client_for, learner, method, path, body):
    response = getattr(client_for(learner), method)(path, body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["error_code"] == "invalid_request"


@pytest.mark.parametrize("method,path", WRITE_ENDPOINTS)
def test_malformed_json_is_a_400_with_an_error_code(client_for, learner, method, path):
    response = getattr(client_for(learner), method)(path, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_request"


@pytest.mark.parametrize("basket_id", [2**31, 10**30, -(10**30)])
def test_a_basket_id_beyond_the_column_is_a_400_and_charges_nothing(client_for, learner, verified_seat, basket_id):
    checkout_api.add_skus_to_basket(learner, [verified_seat.sku])
    response = client_for(learner).post(
        "/api/commerce/v1/checkout/", {"basket_id": basket_id, "card_number": "4111111111111111"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_request"
    assert "basket_id" in response.json()["field_errors"]
    assert not Order.objects.exists()


@pytest.mark.parametrize(
    "path,body,field",
    [
        ("/api/commerce/v1/registration-codes/basket/", {"sku": "X", "quantity": 10**30}, "quantity"),
        ("/api/commerce/v1/coupons/", {"course_key": "c", "percentage": 10, "end_datetime": "2030-01-01T00:00:00Z",
                                      "max_uses": 10**30}, "max_uses"),
        ("/api/commerce/v1/invoices/", {"sku": "X", "company_name": "A", "contact_name": "B",
                                       "contact_email": "b@example.com", "reference": "R", "price_per_seat": "1.00",
                                       "quantity": 10**30}, "quantity"),
    ],
)
def test_a_number_beyond_its_column_is_a_400(client_for, learner, path, body, field):
    response = client_for(learner).post(path, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["field_errors"]


@pytest.mark.parametrize(
    "path", ["/api/commerce/v1/invoices/{}/", "/api/commerce/v1/registration-codes/redemptions/{}/"]
)
def test_a_path_id_beyond_every_id_column_is_a_400(client_for, learner, path):
    response = client_for(learner).get(path.format(10**30))
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_request"


def test_the_pay_form_refuses_a_basket_id_that_is_not_a_small_number(client, learner, verified_seat):
    basket = checkout_api.add_skus_to_basket(learner, [verified_seat.sku])
    client.force_login(learner)
    for value in ("abc", str(10**30), "-1", ""):
        response = client.post("/commerce/checkout/pay/", {"basket_id": value, "card_number": "4111111111111111"})
        assert response.status_code == 302 and response["Location"].endswith("/basket/")
    assert Basket.objects.get(id=basket.id).status == Basket.OPEN
    assert not Order.objects.exists()


def test_the_redeem_page_ignores_a_redemption_id_beyond_the_column(client, learner):
    client.force_login(learner)
    response = client.get(f"/commerce/registration-codes/redeem/?redemption={10**30}")
    assert response.status_code == 200


def test_drf_errors_answer_the_plugin_error_shape(client):
    response = client.post("/api/commerce/v1/checkout/", {}, content_type="application/json")
    assert response.status_code in (401, 403)
    assert response.json()["error_code"] == "not_authenticated"
