"""
The ecommerce plugin's API docs: its schema, Swagger UI and ReDoc pages, every 4xx documented with the error body.
"""
import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from support.api_docs import assert_docs_pages, plugin_schema, required_errors, undocumented_errors
from support.clients import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return client_for(get_user_model().objects.create_user("docs-reader", "docs@example.com", "edx"))


def test_the_schema_covers_the_plugin_apis_only(client):
    document, operations = plugin_schema(client, "?format=json")
    assert document["info"]["title"] == "Open edX commerce plugins: ecommerce APIs"
    paths = {path for _, path in operations}
    assert "/api/commerce/v1/invoices/" in paths
    assert not [path for path in paths if not path.startswith(("/api/commerce/", "/commerce/"))]


def test_every_4xx_is_documented_with_the_error_body(client):
    _, operations = plugin_schema(client, "?format=json")
    assert undocumented_errors(operations, required_errors) == []


def test_swagger_and_redoc_pages(client):
    assert_docs_pages(client)


def test_the_docs_need_a_signed_in_user():
    assert APIClient().get("/api/commerce-plugins/schema/").status_code == 401
