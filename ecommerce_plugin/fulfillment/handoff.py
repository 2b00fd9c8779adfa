"""
The receipt's hand-off to the LMS: a token naming the buyer, the order and the courses it will
enroll them in, so the LMS dashboard shows them pending at once (see ADR 0006).

An HS256 JWT signed with ``COMMERCE_PENDING_ENROLLMENT_SECRET`` (shared with the LMS plugin):
``iss`` ``ecommerce``, ``aud`` ``lms:pending-enrollments``, ``exp`` ``COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME``
seconds after ``iat``, a fresh ``jti`` (the LMS accepts each once), ``order_number``,
``preferred_username`` and ``enrollments``. It travels in the URL's fragment, which browsers do
not send to servers, and is made when the receipt is shown, so it can live minutes.
"""
import uuid

import jwt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

AUDIENCE = "lms:pending-enrollments"
ISSUER = "ecommerce"
# HS256 keys shorter than the hash (32 bytes) weaken it (RFC 7518 section 3.2).
MIN_SECRET_LENGTH = 32
# The LMS refuses a hand-off token that lives longer than this.
MAX_LIFETIME = 900


def check_settings(secret, lifetime):
    """
    Start-up check: an empty secret turns the hand-off off; a set one must be long enough, and
    the token's life must be one the LMS accepts.
    """
    if secret and len(secret) < MIN_SECRET_LENGTH:
        raise ImproperlyConfigured(
            f"COMMERCE_PENDING_ENROLLMENT_SECRET must be at least {MIN_SECRET_LENGTH} characters "
            f"(it has {len(secret)}); leave it empty to turn the receipt hand-off off."
        )
    if not isinstance(lifetime, int) or not 0 < lifetime <= MAX_LIFETIME:
        raise ImproperlyConfigured(
            f"COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME must be whole seconds between 1 and {MAX_LIFETIME} "
            f"(it is {lifetime!r})."
        )


def token(username, order_number, enrollments):
    """
    The signed hand-off token, or None when no secret is configured or nothing would be pending.
    """
    secret = settings.COMMERCE_PENDING_ENROLLMENT_SECRET
    if not secret or not enrollments:
        return None
    now = int(timezone.now().timestamp())
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "jti": uuid.uuid4().hex,
        "preferred_username": username,
        "order_number": order_number,
        "enrollments": list(enrollments),
        "iat": now,
        "exp": now + int(settings.COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME),
    }
    return jwt.encode(claims, secret, algorithm="HS256")
