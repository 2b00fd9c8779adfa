"""
The ecommerce plugin's APIs answer every refusal, DRF's own included, in the plugins' one error shape.
"""
import pytest
from rest_framework.test import APIClient

from support.clients import client_for
from support.error_shape import assert_error_shape

pytestmark = pytest.mark.django_db
INVOICES = "/api/commerce/v1/invoices/"


def test_anonymous_is_not_authenticated():
    assert_error_shape(APIClient().get(INVOICES), 401, "not_authenticated")


def test_a_method_the_view_lacks(learner):
    assert_error_shape(client_for(learner).delete(INVOICES), 405, "method_not_allowed")


def test_malformed_input_has_field_errors(learner):
    body = assert_error_shape(client_for(learner).post(INVOICES, {"quantity": "many"}, format="json"),
                              400, "invalid_request")
    assert "quantity" in body["field_errors"]


def test_malformed_json_is_an_invalid_request(learner):
    response = client_for(learner).generic("POST", INVOICES, "{not json", content_type="application/json")
    assert_error_shape(response, 400, "invalid_request")
