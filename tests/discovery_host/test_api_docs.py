"""
The discovery plugin's API docs (drf-yasg): its schema, Swagger UI and ReDoc pages, every 4xx
documented with the error body.
"""
import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from support.api_docs import assert_docs_pages, plugin_schema, undocumented_errors
from support.clients import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return client_for(get_user_model().objects.create_user("docs-reader", "docs@example.com", "edx"))


def test_the_schema_covers_the_course_types_api(client):
    document, operations = plugin_schema(client, "?format=openapi")
    assert document["info"]["title"] == "Open edX commerce plugins: course-discovery APIs"
    assert operations and all("course_types/v1/" in document.get("basePath", "") + path for _, path in operations)


def test_every_4xx_is_documented_with_the_error_body(client):
    _, operations = plugin_schema(client, "?format=openapi")
    assert undocumented_errors(operations, lambda method, path: {"400", "401", "403", "404"}) == []


def test_swagger_and_redoc_pages(client):
    assert_docs_pages(client)


def test_the_docs_need_a_signed_in_user():
    assert APIClient().get("/api/commerce-plugins/schema/?format=openapi").status_code in (401, 403)
