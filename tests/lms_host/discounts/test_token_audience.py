"""
The discount JWT proves a discount and nothing else: signed as the platform signs user JWTs (HS256
by default, the private JWK when asymmetric signing is forced), with its own audience, so the
LMS's JwtAuthentication refuses it as a credential.
"""
import jwt
import pytest
from django.conf import settings
from edx_rest_framework_extensions.auth.jwt.decoder import jwt_decode_handler
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user
from rest_framework.test import APIClient

from .factories import COURSE
from .tokens import ALGORITHM_BY_MODE, decode_discount_token

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flag_on")]

DISCOUNT_URL = f"/api/discounts/v2/course/{COURSE}"
# LMS APIs that take the platform's user JWT (JwtAuthentication) and answer 200 to its bearer.
LMS_APIS = [DISCOUNT_URL, "/api/enrollment/v1/enrollment", "/api/pending_enrollments/v1/status/"]


def discount_token(learner):
    client = APIClient()
    client.force_login(learner)
    return client.get(DISCOUNT_URL).json()["jwt"]


def test_the_token_is_signed_as_the_platform_signs_user_jwts(enrolled_learner, signing_mode):
    token = discount_token(enrolled_learner)
    assert jwt.get_unverified_header(token)["alg"] == ALGORITHM_BY_MODE[signing_mode]
    claims = decode_discount_token(token)
    assert claims["aud"] == settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE != settings.JWT_AUTH["JWT_AUDIENCE"]
    assert (claims["discount_applicable"], claims["course_key"]) == (True, str(COURSE))


def test_the_platforms_jwt_decoder_refuses_the_discount_audience(enrolled_learner, signing_mode):
    assert jwt_decode_handler(create_jwt_for_user(enrolled_learner))  # the same keys verify a user JWT
    with pytest.raises(jwt.InvalidTokenError):
        jwt_decode_handler(discount_token(enrolled_learner))


@pytest.mark.parametrize("url", LMS_APIS)
def test_the_token_is_not_a_credential_on_lms_apis(enrolled_learner, signing_mode, url):
    token = discount_token(enrolled_learner)
    as_bearer = APIClient()
    as_bearer.credentials(HTTP_AUTHORIZATION=f"JWT {token}")
    assert as_bearer.get(url).status_code == 401
    # The learner's real user JWT works on the same API: the refusal is the audience's doing.
    with_user_jwt = APIClient()
    with_user_jwt.credentials(HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(enrolled_learner)}")
    assert with_user_jwt.get(url).status_code == 200
