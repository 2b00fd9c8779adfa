"""
The LMS plugin's discount token proves a discount at the shop's basket and nothing here: its
audience is not the services' JWT audience, so course-discovery's JwtAuthentication refuses it.
"""
import json
import time

import jwt
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

import sandbox_services

pytestmark = pytest.mark.django_db
URL = "/api/course_types/v1/modes/"


def token(audience, algorithm):
    now = int(time.time())
    claims = {"aud": audience, "iss": settings.JWT_AUTH["JWT_ISSUER"], "iat": now, "exp": now + 600,
              "preferred_username": "learner", "version": "1.2.0", "scopes": ["email"], "email": "l@example.com",
              "discount_applicable": True, "discount_percent": 15, "course_key": "course-v1:edX+DemoX+Demo_Course"}
    if algorithm == "HS256":
        return jwt.encode(claims, sandbox_services.JWT_COMMON_SECRET_KEY, algorithm="HS256")
    key = jwt.algorithms.RSAAlgorithm.from_jwk(json.loads(sandbox_services.jwt_private_signing_jwk()))
    return jwt.encode(claims, key, algorithm="RS512")


@pytest.mark.parametrize("algorithm", ["HS256", "RS512"])
def test_a_discount_token_is_refused_where_a_user_jwt_is_accepted(algorithm):
    get_user_model().objects.create_user("learner", "l@example.com", "edx")
    as_discount = APIClient()
    as_discount.credentials(HTTP_AUTHORIZATION=f"JWT {token('openedx-commerce-discount', algorithm)}")
    assert as_discount.get(URL).status_code == 401
    as_user = APIClient()
    as_user.credentials(HTTP_AUTHORIZATION=f"JWT {token(settings.JWT_AUTH['JWT_AUDIENCE'], algorithm)}")
    assert as_user.get(URL).status_code == 200
