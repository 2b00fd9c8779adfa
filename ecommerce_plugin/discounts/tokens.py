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

The platform's v1 endpoint (which Otto's basket page and the payment MFE call) signs a user JWT of
the service's own audience with only ``discount_applicable``/``discount_percent``: no course, no
``jti``. ``COMMERCE_DISCOUNTS_V1_TOKENS`` refuses it (``"refuse"``) or binds it (``"bind"``) to its
owner and the basket's single seat, with a ``jti`` derived from the token (one order per token).
"""
import functools
import hashlib
import json
import logging
import time
from decimal import Decimal

import jwt
from django.conf import settings
from jwt.algorithms import HMACAlgorithm, RSAAlgorithm
from jwt.utils import base64url_decode
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from ecommerce_plugin.discounts import errors
from ecommerce_plugin.discounts.data import VerifiedDiscount

log = logging.getLogger(__name__)

SYMMETRIC_ALGORITHMS = frozenset({"HS256"})
ASYMMETRIC_ALGORITHMS = frozenset({"RS256", "RS512"})
MAX_TOKEN_LENGTH = 4096
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud"]
# The signature check of each accepted algorithm (PyJWT's own implementations).
_ALGORITHMS = {
    "HS256": HMACAlgorithm(HMACAlgorithm.SHA256),
    "RS256": RSAAlgorithm(RSAAlgorithm.SHA256),
    "RS512": RSAAlgorithm(RSAAlgorithm.SHA512),
}
# COMMERCE_DISCOUNTS_V1_TOKENS: what to do with the platform's v1 token (no course_key, no jti).
V1_REFUSE = "refuse"
V1_BIND = "bind"


class DiscountTokenRefused(Exception):
    def __init__(self, error_code):
        super().__init__(error_code)
        self.error_code = error_code


def verify_discount_token(token, username, course_key):
    """
    The ``VerifiedDiscount`` the token grants ``username`` on ``course_key``; raises ``DiscountTokenRefused``.

    The token is parsed once; its signature is checked with the issuer's prepared key, then its
    registered claims (``exp``, ``iat``, ``nbf``, ``iss``, ``aud``) as PyJWT checks them, then ours.
    """
    header, claims, signing_input, signature = _parse(token)
    issuer = _verified_issuer(header, claims, signing_input, signature)
    v1 = _check_registered_claims(claims, issuer)
    if claims.get("preferred_username") != username:
        raise DiscountTokenRefused(errors.WRONG_USER)
    if not v1 and not _same_course(claims.get("course_key"), course_key):
        raise DiscountTokenRefused(errors.WRONG_COURSE)
    if claims.get("discount_applicable") is not True:
        raise DiscountTokenRefused(errors.NOT_APPLICABLE)
    percent = claims.get("discount_percent")
    if isinstance(percent, bool) or not isinstance(percent, int | float) or not 0 < percent <= 100:
        raise DiscountTokenRefused(errors.BAD_PERCENT)
    if v1:
        # Bound to this owner and this seat's course; one order per token.
        jti = f"v1-{hashlib.sha256(token.encode()).hexdigest()}"
        claimed_course = str(course_key)
    else:
        jti = claims.get("jti")
        if not isinstance(jti, str) or not 0 < len(jti) <= 255:
            raise DiscountTokenRefused(errors.TOKEN_INVALID)
        claimed_course = str(claims["course_key"])
    return VerifiedDiscount(jti=jti, username=username, course_key=claimed_course, percent=Decimal(str(percent)),
                            claims=claims)


def _parse(token):
    """(header, claims, signing input, signature) of a compact JWS; raises ``DiscountTokenRefused``."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 2:
        raise DiscountTokenRefused(errors.TOKEN_MALFORMED)
    signing_input, _dot, crypto_segment = token.rpartition(".")
    header_segment, _dot, payload_segment = signing_input.partition(".")
    try:
        header = json.loads(base64url_decode(header_segment))
        claims = json.loads(base64url_decode(payload_segment))
        signature = base64url_decode(crypto_segment)
    except (ValueError, TypeError) as exc:  # binascii.Error and JSONDecodeError are ValueErrors
        raise DiscountTokenRefused(errors.TOKEN_MALFORMED) from exc
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise DiscountTokenRefused(errors.TOKEN_MALFORMED)
    return header, claims, signing_input.encode(), signature


def _verified_issuer(header, claims, signing_input, signature):
    """
    The ``JWT_ISSUERS`` entry whose key signed the token; raises ``DiscountTokenRefused``.
    """
    algorithm = header.get("alg")
    accept_symmetric = settings.COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS
    if algorithm not in ASYMMETRIC_ALGORITHMS and not (accept_symmetric and algorithm in SYMMETRIC_ALGORITHMS):
        raise DiscountTokenRefused(errors.TOKEN_ALGORITHM_REFUSED)
    claimed_issuer = claims.get("iss")
    issuer = next((issuer for issuer in _issuers() if issuer.get("ISSUER") == claimed_issuer), None)
    if issuer is None:
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    if algorithm in SYMMETRIC_ALGORITHMS:
        keys = _hmac_keys(issuer.get("SECRET_KEY") or "")
    else:
        kid = header.get("kid") if isinstance(header.get("kid"), str) else None
        keys = _public_keys(settings.JWT_AUTH.get("JWT_PUBLIC_SIGNING_JWK_SET") or "", kid)
    check = _ALGORITHMS[algorithm]
    for key in keys:
        try:
            if check.verify(signing_input, key, signature):
                return issuer
        except (ValueError, TypeError):  # a key of the wrong kind
            continue
    log.info("Discount token refused: no configured key verifies it (%s)", algorithm)
    if _is_expired(claims.get("exp"), 0):
        raise DiscountTokenRefused(errors.TOKEN_EXPIRED)
    raise DiscountTokenRefused(errors.TOKEN_INVALID)


def _check_registered_claims(claims, issuer):
    """
    PyJWT's checks of the registered claims (required ``exp``/``iat``/``iss``/``aud``, ``nbf``),
    with the plugin's audience. Returns True for a v1 token the settings bind (see module docstring).
    """
    if any(claim not in claims for claim in REQUIRED_CLAIMS):
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    leeway = settings.JWT_AUTH.get("JWT_LEEWAY", 0)
    now = time.time()
    iat = claims["iat"]
    if not _is_number(iat) or iat > now + leeway:
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    nbf = claims.get("nbf")
    if nbf is not None and (not _is_number(nbf) or nbf > now + leeway):
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    if not _is_number(claims["exp"]):
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    if _is_expired(claims["exp"], leeway):
        raise DiscountTokenRefused(errors.TOKEN_EXPIRED)
    if claims["iss"] != issuer["ISSUER"]:
        raise DiscountTokenRefused(errors.TOKEN_INVALID)
    audiences = _audiences(claims["aud"])
    if settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE in audiences:
        return False
    if issuer.get("AUDIENCE") in audiences and "course_key" not in claims and "jti" not in claims:
        # The platform's v1 discount token: a user JWT of this service's audience with the discount.
        if settings.COMMERCE_DISCOUNTS_V1_TOKENS == V1_BIND:
            return True
        raise DiscountTokenRefused(errors.TOKEN_V1_REFUSED)
    # Signed by the LMS but for another audience: a user JWT offered as a discount.
    raise DiscountTokenRefused(errors.TOKEN_WRONG_AUDIENCE)


def _audiences(aud):
    audiences = [aud] if isinstance(aud, str) else aud
    if not isinstance(audiences, list) or not all(isinstance(item, str) for item in audiences):
        raise DiscountTokenRefused(errors.TOKEN_WRONG_AUDIENCE)
    return audiences


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_expired(exp, leeway):
    return _is_number(exp) and exp <= time.time() - leeway


@functools.lru_cache(maxsize=8)
def _hmac_keys(secret):
    """The issuer's shared secret, prepared once (never public key material: PyJWT refuses it)."""
    if not secret:
        return ()
    try:
        return (_ALGORITHMS["HS256"].prepare_key(secret),)
    except jwt.InvalidKeyError:
        log.error("An issuer's SECRET_KEY is key material of another kind: HS256 discount tokens cannot verify.")
        return ()


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
    seat_course_key = str(seat_course_key)
    if claimed == seat_course_key:
        return _course_key(claimed) is not None
    claimed_key = _course_key(claimed)
    return claimed_key is not None and claimed_key == _course_key(seat_course_key)


@functools.lru_cache(maxsize=1024)
def _course_key(value):
    """The parsed course key (parsing is most of the check's cost), or None."""
    try:
        return CourseKey.from_string(value)
    except InvalidKeyError:
        return None
