"""
Token verification alone: what the LMS signs for this learner and seat verifies; nothing else does.
"""
import time
from decimal import Decimal

import pytest
from django.conf import settings

from ecommerce_plugin.discounts import errors
from ecommerce_plugin.discounts.tokens import DiscountTokenRefused, verify_discount_token

from . import lms_tokens as t

COURSE = t.DEMO_COURSE


def refusal(token, username="learner", course_key=COURSE):
    with pytest.raises(DiscountTokenRefused) as raised:
        verify_discount_token(token, username, course_key)
    return raised.value.error_code


def test_a_token_the_lms_signed_for_this_learner_and_course_verifies():
    token = t.lms_token(discount_percent=20, jti="abc")
    verified = verify_discount_token(token, "learner", COURSE)
    assert (verified.jti, verified.percent, verified.course_key) == ("abc", Decimal("20"), COURSE)
    assert verified.claims["preferred_username"] == "learner"


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: t.lms_token(username="someone_else"), errors.WRONG_USER),
        (lambda: t.lms_token(course_key="course-v1:edX+Other+2026"), errors.WRONG_COURSE),
        (lambda: t.lms_token(course_key="not-a-key"), errors.WRONG_COURSE),
        (lambda: t.lms_token(course_key=...), errors.WRONG_COURSE),
        (lambda: t.lms_token(exp=int(time.time()) - 5), errors.TOKEN_EXPIRED),
        (lambda: t.lms_token(iss="https://evil.example/oauth2"), errors.TOKEN_INVALID),
        (lambda: t.lms_token(aud="another-audience"), errors.TOKEN_INVALID),
        (lambda: t.lms_token(discount_applicable=False), errors.NOT_APPLICABLE),
        (lambda: t.lms_token(discount_applicable="true"), errors.NOT_APPLICABLE),
        (lambda: t.lms_token(discount_percent=0), errors.BAD_PERCENT),
        (lambda: t.lms_token(discount_percent=-5), errors.BAD_PERCENT),
        (lambda: t.lms_token(discount_percent=101), errors.BAD_PERCENT),
        (lambda: t.lms_token(discount_percent="15"), errors.BAD_PERCENT),
        (lambda: t.lms_token(discount_percent=True), errors.BAD_PERCENT),
        (lambda: t.lms_token(discount_percent=...), errors.BAD_PERCENT),
        (lambda: t.lms_token(jti=...), errors.TOKEN_INVALID),
        (lambda: t.lms_token(jti=""), errors.TOKEN_INVALID),
        (t.signed_by_another_key, errors.TOKEN_INVALID),
        (t.tampered_percent, errors.TOKEN_INVALID),
        (t.alg_none, errors.TOKEN_NOT_ASYMMETRIC),
        (t.hs256_with_public_key, errors.TOKEN_NOT_ASYMMETRIC),
        (lambda: t.hs256_with_secret(settings.JWT_AUTH["JWT_ISSUERS"][0]["SECRET_KEY"]), errors.TOKEN_NOT_ASYMMETRIC),
        (lambda: "garbage", errors.TOKEN_MALFORMED),
        (lambda: "a.b.c", errors.TOKEN_MALFORMED),
        (lambda: "x" * 5000, errors.TOKEN_MALFORMED),
        (lambda: "", errors.TOKEN_MALFORMED),
    ],
)
def test_anything_else_is_refused_with_a_reason(make, code):
    assert refusal(make()) == code


def test_percent_100_is_allowed():
    assert verify_discount_token(t.lms_token(discount_percent=100), "learner", COURSE).percent == 100


def test_a_symmetric_token_the_decoder_alone_would_accept_is_still_refused():
    from edx_rest_framework_extensions.auth.jwt.decoder import configured_jwt_decode_handler  # noqa: PLC0415

    token = t.hs256_with_secret(settings.JWT_AUTH["JWT_ISSUERS"][0]["SECRET_KEY"])
    assert configured_jwt_decode_handler(token)["discount_percent"] == 15  # edx-drf-extensions allows HS256
    assert refusal(token) == errors.TOKEN_NOT_ASYMMETRIC
