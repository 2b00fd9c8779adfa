"""
Verifying the LMS's discount JWT for one basket: signature, issuer, expiry (edx-drf-extensions'
configured decoder, i.e. JWT_ISSUERS and the LMS's JWK set), then what Otto never checked: the
token's user is the basket's owner and its course is the seat's course.
"""
import logging
import time
from decimal import Decimal

import jwt
from edx_rest_framework_extensions.auth.jwt.decoder import configured_jwt_decode_handler
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from ecommerce_plugin.discounts import errors
from ecommerce_plugin.discounts.data import VerifiedDiscount

log = logging.getLogger(__name__)

# The LMS signs user JWTs with its RSA key only (symmetric JWTs are deprecated, DEPR #83). Refusing
# any other ``alg`` before decoding rules out ``none`` and HS/RS confusion whatever the decoder allows.
ASYMMETRIC_ALGORITHMS = frozenset({"RS256", "RS512"})
MAX_TOKEN_LENGTH = 4096


class DiscountTokenRefused(Exception):
    def __init__(self, error_code):
        super().__init__(error_code)
        self.error_code = error_code


def verify_discount_token(token, username, course_key):
    """
    The ``VerifiedDiscount`` the token grants ``username`` on ``course_key``; raises ``DiscountTokenRefused``.
    """
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 2:
        raise DiscountTokenRefused(errors.TOKEN_MALFORMED)
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise DiscountTokenRefused(errors.TOKEN_MALFORMED) from exc
    if header.get("alg") not in ASYMMETRIC_ALGORITHMS:
        raise DiscountTokenRefused(errors.TOKEN_NOT_ASYMMETRIC)
    try:
        claims = configured_jwt_decode_handler(token)
    except Exception as exc:  # pylint: disable=broad-except
        # Whatever a forged or damaged token makes the decoder raise, the answer is "full price".
        if _caused_by(exc, jwt.ExpiredSignatureError) or _claims_expired(token):
            raise DiscountTokenRefused(errors.TOKEN_EXPIRED) from exc
        log.info("Discount token refused by the JWT decoder: %s", type(exc).__name__)
        raise DiscountTokenRefused(errors.TOKEN_INVALID) from exc

    if not isinstance(claims, dict) or claims.get("preferred_username") != username:
        raise DiscountTokenRefused(errors.WRONG_USER)
    if not _same_course(claims.get("course_key"), course_key):
        raise DiscountTokenRefused(errors.WRONG_COURSE)
    if claims.get("discount_applicable") is not True:
        raise DiscountTokenRefused(errors.NOT_APPLICABLE)
    percent = claims.get("discount_percent")
    if isinstance(percent, bool) or not isinstance(percent, int | float) or not 0 < percent <= 100:
        raise DiscountTokenRefused(errors.BAD_PERCENT)
    jti = claims.get("jti")
    if not isinstance(jti, str) or not 0 < len(jti) <= 255:
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    return VerifiedDiscount(
        jti=jti,
        username=username,
        course_key=str(claims["course_key"]),
        percent=Decimal(str(percent)),
        claims=claims,
    )


def _same_course(claimed, seat_course_key):
    if not isinstance(claimed, str) or not seat_course_key:
        return False
    try:
        return CourseKey.from_string(claimed) == CourseKey.from_string(str(seat_course_key))
    except InvalidKeyError:
        return False


def _claims_expired(token):
    """
    Whether the (refused, unverified) token says it has expired: only to word the refusal.
    """
    try:
        exp = jwt.decode(token, options={"verify_signature": False}).get("exp")
    except jwt.PyJWTError:
        return False
    return isinstance(exp, int | float) and exp < time.time()


def _caused_by(exc, exc_type):
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, exc_type):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
