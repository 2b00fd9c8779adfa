"""
Discount JWTs as the LMS signs them, and the forgeries an attacker would try.

The LMS signs HS256 with the shared JWT secret by default and with its private key when
JWT_AUTH_FORCE_CREATE_ASYMMETRIC is on: ``MODE["signing"]`` (set by the ``signing_mode``
fixture) says which the tokens here imitate.
"""
import base64
import hashlib
import hmac
import json
import time
import uuid

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings

import sandbox_services

DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"
MODE = {"signing": "asymmetric"}


def lms_claims(username="learner", course_key=DEMO_COURSE, **overrides):
    now = int(time.time())
    claims = {
        "aud": settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE,
        "iss": settings.JWT_AUTH["JWT_ISSUER"],
        "iat": now,
        "exp": now + 600,
        "preferred_username": username,
        "email": f"{username}@example.com",
        "scopes": ["email"],
        "version": "1.2.0",
        "sub": "anon",
        "filters": [],
        "is_restricted": False,
        "email_verified": True,
        "grant_type": "",
        "discount_applicable": True,
        "discount_percent": 15,
        "course_key": course_key,
        "jti": uuid.uuid4().hex,
    }
    claims.update(overrides)
    return {key: value for key, value in claims.items() if value is not ...}


def lms_token(username="learner", course_key=DEMO_COURSE, **overrides):
    """A token signed as ``create_jwt_for_user`` signs it in the current signing mode."""
    if MODE["signing"] == "symmetric":
        return jwt.encode(lms_claims(username, course_key, **overrides), shared_secret(), algorithm="HS256")
    jwk = json.loads(sandbox_services.jwt_private_signing_jwk())
    key = jwt.algorithms.RSAAlgorithm.from_jwk(jwk)
    return jwt.encode(lms_claims(username, course_key, **overrides), key, algorithm="RS512", headers={"kid": jwk["kid"]})


def shared_secret():
    """The LMS's JWT_SECRET_KEY, which every service holds as its issuer's SECRET_KEY."""
    return settings.JWT_AUTH["JWT_ISSUERS"][0]["SECRET_KEY"]


def user_jwt(**overrides):
    """The learner's ordinary user JWT (the services' audience), offered as a discount token."""
    return lms_token(aud=settings.JWT_AUTH["JWT_AUDIENCE"], **overrides)


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segments(header, claims):
    return _b64(json.dumps(header).encode()), _b64(json.dumps(claims).encode())


def signed_by_another_key(**overrides):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return jwt.encode(lms_claims(**overrides), key, algorithm="RS512", headers={"kid": "attacker"})


def alg_none(**overrides):
    header, payload = _segments({"alg": "none", "typ": "JWT"}, lms_claims(**overrides))
    return f"{header}.{payload}."


def hs256_with_secret(secret, **overrides):
    header, payload = _segments({"alg": "HS256", "typ": "JWT"}, lms_claims(**overrides))
    signature = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def hs256_with_public_key(**overrides):
    """HS/RS confusion: HMAC keyed with the LMS's public key material, which anyone can read."""
    return hs256_with_secret(sandbox_services.jwt_public_signing_jwk_set(), **overrides)


def tampered_percent(percent=90, **overrides):
    """A real LMS token whose payload was edited to a bigger percent (the signature no longer matches)."""
    header, _payload, signature = lms_token(**overrides).split(".")
    claims = lms_claims(**overrides)
    claims["discount_percent"] = percent
    return f"{header}.{_segments({}, claims)[1]}.{signature}"
