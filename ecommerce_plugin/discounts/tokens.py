"""
Verifying the LMS's discount JWT for one basket.

The LMS signs it as it signs every user JWT: HS256 with the shared secret (the issuer's
``SECRET_KEY`` in ``JWT_AUTH["JWT_ISSUERS"]``) by default, or with its private key when
``JWT_AUTH_FORCE_CREATE_ASYMMETRIC`` is on (verified with ``JWT_AUTH["JWT_PUBLIC_SIGNING_JWK_SET"]``).
Each algorithm is verified only with its own kind of key, so ``alg: none`` and HS/RS confusion
(an HMAC keyed with the public key) cannot verify. The token carries its own audience
(``COMMERCE_DISCOUNTS_JWT_AUDIENCE``), which no service's JwtAuthentication accepts: it proves a
discount here and nothing anywhere else. Then what Otto never checked: the token's user is the
basket's owner and its course is the seat's course.
"""
import functools
import logging
import time
from decimal import Decimal

import jwt
from django.conf import settings
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from ecommerce_plugin.discounts import errors
from ecommerce_plugin.discounts.data import VerifiedDiscount

log = logging.getLogger(__name__)

SYMMETRIC_ALGORITHMS = frozenset({"HS256"})
ASYMMETRIC_ALGORITHMS = frozenset({"RS256", "RS512"})
MAX_TOKEN_LENGTH = 4096
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud"]


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
    claims = _verified_claims(token, header)
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


def _verified_claims(token, header):
    """
    The claims of a token whose signature, issuer, audience and expiry verify; raises ``DiscountTokenRefused``.
    """
    algorithm = header.get("alg")
    accept_symmetric = settings.COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS
    if algorithm not in ASYMMETRIC_ALGORITHMS and not (accept_symmetric and algorithm in SYMMETRIC_ALGORITHMS):
        raise DiscountTokenRefused(errors.TOKEN_ALGORITHM_REFUSED)
    try:
        claimed_issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
    except jwt.PyJWTError as exc:
        raise DiscountTokenRefused(errors.TOKEN_MALFORMED) from exc
    issuer = next((issuer for issuer in _issuers() if issuer.get("ISSUER") == claimed_issuer), None)
    if issuer is None:
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    if algorithm in SYMMETRIC_ALGORITHMS:
        keys = [issuer["SECRET_KEY"]] if issuer.get("SECRET_KEY") else []
    else:
        keys = _public_keys(settings.JWT_AUTH.get("JWT_PUBLIC_SIGNING_JWK_SET") or "", header.get("kid"))
    failure = DiscountTokenRefused(errors.TOKEN_INVALID)
    for key in keys:
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                audience=settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE,
                issuer=issuer["ISSUER"],
                leeway=settings.JWT_AUTH.get("JWT_LEEWAY", 0),
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError as exc:
            raise DiscountTokenRefused(errors.TOKEN_EXPIRED) from exc
        except jwt.InvalidAudienceError as exc:
            # Signed by the LMS but for another audience: a user JWT offered as a discount.
            raise DiscountTokenRefused(errors.TOKEN_WRONG_AUDIENCE) from exc
        except (jwt.PyJWTError, ValueError, TypeError) as exc:
            failure.__cause__ = exc
    log.info("Discount token refused: no configured key verifies it (%s)", algorithm)
    if _claims_expired(token):
        raise DiscountTokenRefused(errors.TOKEN_EXPIRED)
    raise failure


def _issuers():
    return settings.JWT_AUTH.get("JWT_ISSUERS") or []


@functools.lru_cache(maxsize=8)
def _rsa_keys(jwk_set_json):
    """
    The RSA public keys of a JWK set, parsed once per distinct setting value (parsing is the cost).
    """
    if not jwk_set_json:
        return ()
    try:
        key_set = jwt.PyJWKSet.from_json(jwk_set_json)
    except jwt.PyJWTError:
        log.error("JWT_PUBLIC_SIGNING_JWK_SET cannot be read: asymmetric discount tokens cannot verify.")
        return ()
    return tuple((jwk.key_id, jwk.key) for jwk in key_set.keys if jwk.key_type == "RSA")


def _public_keys(jwk_set_json, kid):
    keys = _rsa_keys(jwk_set_json)
    named = [key for key_id, key in keys if kid and key_id == kid]
    return named or [key for _key_id, key in keys]


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
