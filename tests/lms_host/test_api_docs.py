"""
The LMS plugin's API docs: its schema, Swagger UI and ReDoc pages, every 4xx documented with the error body.
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
    assert document["info"]["title"] == "Open edX commerce plugins: LMS APIs"
    paths = {path for _, path in operations}
    assert "/api/discounts/v2/course/{course_key_string}" in paths
    assert not [path for path in paths if path.startswith(("/api/enrollment/", "/api/learner_home/"))]


def test_every_4xx_is_documented_with_the_error_body(client):
    _, operations = plugin_schema(client, "?format=json")
    ours = {key: responses for key, responses in operations.items() if not key[1].startswith("/api/ccx/")}
    assert undocumented_errors(ours, required_errors) == []


def test_ccx_v1_documents_v0s_refusals(client):
    """
    CCX v1 answers v0's error bodies (ADR 0003): ``{"error_code"}`` or per-field codes, documented
    as ``CcxError``, and DRF's own 403 body for a caller who may not act on the course.
    """
    _, operations = plugin_schema(client, "?format=json")
    ccx = {key: responses for key, responses in operations.items() if key[1].startswith("/api/ccx/")}
    assert ccx and all({"403", "404"} <= set(responses) for responses in ccx.values())


def test_swagger_and_redoc_pages(client):
    assert_docs_pages(client)


def test_the_docs_need_a_signed_in_user():
    assert APIClient().get("/api/commerce-plugins/schema/").status_code == 401
