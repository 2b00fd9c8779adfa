"""
GET /api/discounts/v2/course/{course_key}: the answer, the signed JWT and its claims, auth, CORS.
"""
import time

import pytest
from django.conf import settings
from django.test import override_settings
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user
from rest_framework.test import APIClient

from .factories import COURSE
from .tokens import decode_discount_token

pytestmark = [pytest.mark.django_db]

URL = f"/api/discounts/v2/course/{COURSE}"
ECOMMERCE = "http://localhost:18130"


@pytest.fixture
def client(enrolled_learner):
    client = APIClient()
    client.force_login(enrolled_learner)
    return client


@pytest.mark.usefixtures("flag_on")
def test_an_eligible_learner_gets_a_signed_applicable_answer(client, enrolled_learner):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"discount_applicable", "discount_percent", "jwt"}
    assert body["discount_applicable"] is True
    assert body["discount_percent"] == 15
    claims = decode_discount_token(body["jwt"])
    assert claims["preferred_username"] == enrolled_learner.username
    assert claims["discount_applicable"] is True
    assert claims["discount_percent"] == 15
    assert claims["course_key"] == str(COURSE)
    assert len(claims["jti"]) == 32
    assert claims["iss"] == settings.JWT_AUTH["JWT_ISSUER"]


@pytest.mark.usefixtures("flag_on")
def test_the_token_expires_after_the_configured_short_time(client):
    before = int(time.time())
    claims = decode_discount_token(client.get(URL).json()["jwt"])
    assert before + 600 <= claims["exp"] <= int(time.time()) + 600
    with override_settings(COMMERCE_DISCOUNTS_JWT_EXPIRATION_SECONDS=60):
        claims = decode_discount_token(client.get(URL).json()["jwt"])
    assert claims["exp"] <= int(time.time()) + 60


@pytest.mark.usefixtures("flag_on")
def test_every_token_has_its_own_jti(client):
    first = decode_discount_token(client.get(URL).json()["jwt"])["jti"]
    second = decode_discount_token(client.get(URL).json()["jwt"])["jti"]
    assert first != second


def test_an_ineligible_learner_gets_a_signed_refusal(client):
    body = client.get(URL).json()  # flag off
    assert body["discount_applicable"] is False
    claims = decode_discount_token(body["jwt"])
    assert claims["discount_applicable"] is False
    assert claims["course_key"] == str(COURSE)


def test_anonymous_callers_are_refused():
    assert APIClient().get(URL).status_code == 401


@pytest.mark.usefixtures("flag_on")
def test_jwt_auth_works_too(enrolled_learner):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(enrolled_learner)}")
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json()["discount_applicable"] is True


def test_a_malformed_course_key_is_a_400_with_an_error_code(client):
    response = client.get("/api/discounts/v2/course/not+a+key:really")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_course_key"


def test_answers_are_never_cached_by_browsers(client):
    assert "no-cache" in client.get(URL)["Cache-Control"] or "max-age=0" in client.get(URL)["Cache-Control"]


@pytest.mark.usefixtures("flag_on")
def test_queries_per_call_with_warm_caches(client, django_assert_max_num_queries):
    client.get(URL)
    with django_assert_max_num_queries(2) as captured:
        assert client.get(URL).json()["discount_applicable"] is True
    # session, user: the learner's enrollments and entitlement are cached until one of them changes
    assert len(captured.captured_queries) == 2


@override_settings(COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS=[ECOMMERCE])
def test_cors_lets_the_configured_ecommerce_origin_call_with_credentials(client):
    response = client.get(URL, HTTP_ORIGIN=ECOMMERCE)
    assert response["Access-Control-Allow-Origin"] == ECOMMERCE
    assert response["Access-Control-Allow-Credentials"] == "true"


@override_settings(COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS=[ECOMMERCE])
def test_cors_refuses_any_other_origin(client):
    response = client.get(URL, HTTP_ORIGIN="http://evil.example")
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Credentials" not in response


@override_settings(COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS=[ECOMMERCE])
def test_cors_for_the_ecommerce_origin_covers_the_discount_path_only(client):
    response = client.get("/api/enrollment/v1/enrollment", HTTP_ORIGIN=ECOMMERCE)
    assert "Access-Control-Allow-Origin" not in response


@override_settings(COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS=[ECOMMERCE])
def test_cors_preflight_for_jwt_callers_is_answered(client):
    response = client.options(
        URL, HTTP_ORIGIN=ECOMMERCE, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ECOMMERCE
    assert "authorization" in response["Access-Control-Allow-Headers"]


@override_settings(COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS=None, ECOMMERCE_PUBLIC_URL_ROOT="https://shop.example.com/")
def test_the_default_origin_is_the_platforms_ecommerce_root(client):
    response = client.get(URL, HTTP_ORIGIN="https://shop.example.com")
    assert response["Access-Control-Allow-Origin"] == "https://shop.example.com"
