"""
Token verification alone: what the LMS signs for this learner and seat verifies; nothing else does.
"""
import time
from decimal import Decimal

import pytest

from ecommerce_plugin.discounts import errors
from ecommerce_plugin.discounts.tokens import DiscountTokenRefused, verify_discount_token

from . import lms_tokens as t

COURSE = t.DEMO_COURSE
pytestmark = pytest.mark.usefixtures("signing_mode")
# Refused for its signature where symmetric tokens are accepted, for its algorithm where they are not.
HS256_FORGERY = {"symmetric": errors.TOKEN_INVALID, "asymmetric": errors.TOKEN_ALGORITHM_REFUSED}


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
        (lambda: t.lms_token(aud="another-audience"), errors.TOKEN_WRONG_AUDIENCE),
        (lambda: t.lms_token(aud=...), errors.TOKEN_INVALID),
        (t.user_jwt, errors.TOKEN_WRONG_AUDIENCE),
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
        (t.alg_none, errors.TOKEN_ALGORITHM_REFUSED),
        (lambda: t.lms_token(iat=...), errors.TOKEN_INVALID),
        (t.hs256_with_public_key, HS256_FORGERY),
        (lambda: t.hs256_with_secret("a-secret-the-attacker-made-up-for-this"), HS256_FORGERY),
        (lambda: "garbage", errors.TOKEN_MALFORMED),
        (lambda: "a.b.c", errors.TOKEN_MALFORMED),
        (lambda: "x" * 5000, errors.TOKEN_MALFORMED),
        (lambda: "", errors.TOKEN_MALFORMED),
    ],
)
def test_anything_else_is_refused_with_a_reason(make, code, signing_mode):
    assert refusal(make()) == (code[signing_mode] if isinstance(code, dict) else code)


def test_percent_100_is_allowed():
    assert verify_discount_token(t.lms_token(discount_percent=100), "learner", COURSE).percent == 100


def test_a_user_jwt_the_services_accept_is_no_discount():
    from edx_rest_framework_extensions.auth.jwt.decoder import configured_jwt_decode_handler  # noqa: PLC0415

    token = t.user_jwt()
    assert configured_jwt_decode_handler(token)["discount_percent"] == 15  # a valid credential...
    assert refusal(token) == errors.TOKEN_WRONG_AUDIENCE  # ...but no discount


def test_a_discount_token_is_no_credential_for_the_services_decoder():
    import jwt  # noqa: PLC0415
    from edx_rest_framework_extensions.auth.jwt.decoder import configured_jwt_decode_handler  # noqa: PLC0415

    token = t.lms_token()
    assert verify_discount_token(token, "learner", COURSE).percent == 15
    with pytest.raises(jwt.InvalidTokenError):
        configured_jwt_decode_handler(token)


def test_the_shop_can_refuse_symmetric_tokens_altogether(settings):
    settings.COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS = False
    assert refusal(t.hs256_with_secret(t.shared_secret())) == errors.TOKEN_ALGORITHM_REFUSED
