"""
The receipt hand-off token: what ecommerce signs and this LMS accepts, once.

An HS256 JWT signed with ``COMMERCE_PENDING_ENROLLMENT_SECRET`` (shared with ecommerce):
audience ``lms:pending-enrollments``, issuer ``ecommerce``, and required ``exp``, ``iat``,
``jti``, ``order_number``, ``preferred_username`` and ``enrollments``. It proves one thing: this
learner paid order N for these (course, mode) pairs, within the last few minutes. It is
refused when it lives longer than ``MAX_TOKEN_LIFETIME`` (whatever the signer's setting), when
its ``jti`` was used before, or when it names another learner.
"""
import jwt
from django.core.exceptions import ImproperlyConfigured
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from lms_plugin.pending_enrollments import errors
from lms_plugin.pending_enrollments.errors import PendingEnrollmentError

TOKEN_AUDIENCE = "lms:pending-enrollments"
TOKEN_ISSUER = "ecommerce"
REQUIRED_CLAIMS = ("exp", "iat", "jti", "iss", "aud")
# HS256 keys shorter than the hash (32 bytes) weaken it (RFC 7518 section 3.2).
MIN_SECRET_LENGTH = 32
# The token travels once, from the receipt to the LMS, seconds after it is made.
MAX_TOKEN_LIFETIME = 900


def check_secret(secret):
    """
    Start-up check: empty turns the hand-off off; anything else must be long enough for HS256.
    """
    if secret and len(secret) < MIN_SECRET_LENGTH:
        raise ImproperlyConfigured(
            f"COMMERCE_PENDING_ENROLLMENT_SECRET must be at least {MIN_SECRET_LENGTH} characters "
            f"(it has {len(secret)}); leave it empty to turn the receipt hand-off off."
        )


def read_token(token, secret, username):
    """
    The verified claims of ``token`` for the learner ``username``:
    ``(jti, exp, order_number, [(course_key, mode), ...])``.

    Raises ``PendingEnrollmentError`` on anything that does not verify. Replay is checked by the
    caller, which records the ``jti``.
    """
    if not secret or not token:
        raise PendingEnrollmentError(errors.INVALID_TOKEN, "No hand-off token, or no secret to verify it.")
    try:
        claims = jwt.decode(
            token, secret, algorithms=["HS256"], audience=TOKEN_AUDIENCE, issuer=TOKEN_ISSUER,
            options={"require": list(REQUIRED_CLAIMS)},
        )
    except jwt.PyJWTError as exc:
        raise PendingEnrollmentError(errors.INVALID_TOKEN, f"The hand-off token does not verify: {exc}") from exc
    if not isinstance(claims["exp"], int) or not isinstance(claims["iat"], int) or (
        claims["exp"] - claims["iat"] > MAX_TOKEN_LIFETIME
    ):
        raise PendingEnrollmentError(errors.INVALID_TOKEN, "The hand-off token lives too long.")
    order_number, jti = claims.get("order_number"), claims["jti"]
    if not isinstance(order_number, str) or not order_number or not isinstance(jti, str) or not 0 < len(jti) <= 64:
        raise PendingEnrollmentError(errors.INVALID_TOKEN, "The hand-off token names no order or has no id.")
    if claims.get("preferred_username") != username:
        raise PendingEnrollmentError(errors.TOKEN_FOR_ANOTHER_USER, "The hand-off token is for another learner.")
    entries = []
    items = claims.get("enrollments")
    for item in items if isinstance(items, list) else []:
        try:
            entries.append((CourseKey.from_string(item["course_id"]), str(item["mode"])))
        except (InvalidKeyError, KeyError, TypeError) as exc:
            raise PendingEnrollmentError(errors.INVALID_COURSE_ID, f"Bad course in the token: {item!r}") from exc
    return jti, claims["exp"], order_number, entries
