"""
Replica of openedx-platform ``openedx/core/djangoapps/oauth_dispatch/jwt.py``, checked against
upstream commit e57a655d77b614f19223984e9805b1fb940ab192.

As upstream: ``create_jwt_for_user`` signs with the shared secret ``JWT_AUTH['JWT_SECRET_KEY']``
and ``JWT_AUTH['JWT_ALGORITHM']`` (HS256) unless the setting toggle
``JWT_AUTH_FORCE_CREATE_ASYMMETRIC`` is on; then, like every restricted-client token, with the
private key ``JWT_AUTH['JWT_PRIVATE_SIGNING_JWK']`` and ``JWT_AUTH['JWT_SIGNING_ALGORITHM']``. The
key is read into a ``PyJWK`` on every call, as upstream does. The ``kid`` header is added only under
``JWT_AUTH_ADD_KID_HEADER``. Not replicated: edx-rbac role claims (no roles here), monitoring
counters, DOT access tokens (``create_jwt_token_dict_for_client`` takes the user, scopes and grant
type instead of a DOT token).
"""
import json
from time import time

import jwt
from common.djangoapps.student.models import UserProfile, anonymous_id_for_user
from django.conf import settings
from edx_toggles.toggles import SettingToggle
from jwt import PyJWK
from jwt.utils import base64url_encode

DEFAULT_SCOPES = ["email", "profile"]


def create_jwt_for_user(user, secret=None, aud=None, additional_claims=None, scopes=None):
    """
    Returns a JWT to identify the given user.

    Arguments:
        user (User): User for which to generate the JWT.
        scopes (list): Optional. Scopes that limit access to the token bearer and
            controls which optional claims are included in the token.

    Deprecated Arguments (to be removed):
        secret (string): Overrides configured JWT secret (signing) key.
        aud (string): Optional. Overrides configured JWT audience claim.
        additional_claims (dict): Optional. Additional claims to include in the token
            (they win over the computed ones, ``exp`` included).
    """
    expires_in = settings.OAUTH_ID_TOKEN_EXPIRATION
    return _create_jwt(
        user,
        scopes=scopes,
        expires_in=expires_in,
        aud=aud,
        additional_claims=additional_claims,
        secret=secret,
        use_asymmetric_key=False,
    )


def create_jwt_token_dict_for_client(user, scopes, grant_type, expires_in=None, is_restricted=False, filters=None):
    """
    The token response of the OAuth2 token endpoint for a JWT access token.

    Upstream's ``create_jwt_token_dict`` builds it from a django-oauth-toolkit
    token; the sandbox has no DOT tokens, so it takes the user, scopes and grant type.
    """
    expires_in = expires_in or _get_jwt_access_token_expire_seconds()
    access_token = _create_jwt(
        user,
        scopes=scopes,
        expires_in=expires_in,
        is_restricted=is_restricted,
        filters=filters,
        grant_type=grant_type,
    )
    return {
        "access_token": access_token,
        "token_type": "JWT",
        "expires_in": expires_in,
        "scope": " ".join(scopes),
    }


def _get_jwt_access_token_expire_seconds():
    """
    Returns the number of seconds before a JWT access token expires.

    .. setting_name: JWT_ACCESS_TOKEN_EXPIRE_SECONDS
    .. setting_default: 60 * 60
    .. setting_description: The number of seconds a JWT access token remains valid.
    """
    return getattr(settings, "JWT_ACCESS_TOKEN_EXPIRE_SECONDS", 60 * 60)


def _create_jwt(
    user,
    scopes=None,
    expires_in=None,
    is_restricted=False,
    filters=None,
    aud=None,
    additional_claims=None,
    use_asymmetric_key=None,
    secret=None,
    grant_type=None,
):
    """
    Returns an encoded, signed JWT (string) for ``user``.
    """
    use_asymmetric_key = _get_use_asymmetric_key_value(is_restricted, use_asymmetric_key)
    # Default scopes should only contain non-privileged data (email and profile are there for legacy reasons).
    scopes = scopes or list(DEFAULT_SCOPES)
    iat, exp = _compute_time_fields(expires_in)
    payload = {
        "aud": aud if aud else settings.JWT_AUTH["JWT_AUDIENCE"],
        "exp": exp,
        "grant_type": grant_type or "",
        "iat": iat,
        "iss": settings.JWT_AUTH["JWT_ISSUER"],
        "preferred_username": user.username,
        "scopes": scopes,
        "version": settings.JWT_AUTH["JWT_SUPPORTED_VERSION"],
        "sub": anonymous_id_for_user(user, None),
        "filters": filters or [],
        "is_restricted": is_restricted,
        "email_verified": user.is_active,
    }
    payload.update(additional_claims or {})
    _update_from_additional_handlers(payload, user, scopes)
    return _encode_and_sign(payload, use_asymmetric_key, secret)


# .. toggle_name: JWT_AUTH_FORCE_CREATE_ASYMMETRIC
# .. toggle_implementation: SettingToggle
# .. toggle_default: False
# .. toggle_description: When True, forces the LMS to only create JWTs signed with the asymmetric key.
# .. toggle_use_cases: temporary
# .. toggle_creation_date: 2023-04-10
JWT_AUTH_FORCE_CREATE_ASYMMETRIC = SettingToggle("JWT_AUTH_FORCE_CREATE_ASYMMETRIC", default=False, module_name=__name__)

# .. toggle_name: JWT_AUTH_ADD_KID_HEADER
# .. toggle_implementation: SettingToggle
# .. toggle_default: False
# .. toggle_description: When True, add the KID header to JWTs signed with the asymmetric key.
# .. toggle_use_cases: temporary
# .. toggle_creation_date: 2024-03-20
JWT_AUTH_ADD_KID_HEADER = SettingToggle("JWT_AUTH_ADD_KID_HEADER", default=False, module_name=__name__)


def _get_use_asymmetric_key_value(is_restricted, use_asymmetric_key):
    """
    Returns the value to use for use_asymmetric_key.
    """
    if JWT_AUTH_FORCE_CREATE_ASYMMETRIC.is_enabled():
        return True
    return use_asymmetric_key or is_restricted


def _compute_time_fields(expires_in):
    """
    Returns (iat, exp) tuple to be used as time-related values in a token.
    """
    now = int(time())
    expires_in = expires_in or settings.JWT_AUTH["JWT_EXPIRATION"]
    return now, now + expires_in


def _update_from_additional_handlers(payload, user, scopes):
    """
    Updates the payload with the claims the given scopes ask for.
    """
    claim_handlers = {
        "user_id": _attach_user_id_claim,
        "email": _attach_email_claim,
        "profile": _attach_profile_claim,
    }
    for scope in scopes:
        handler = claim_handlers.get(scope)
        if handler:
            handler(payload, user)


def _attach_user_id_claim(payload, user):
    payload["user_id"] = user.id


def _attach_email_claim(payload, user):
    payload["email"] = user.email


def _attach_profile_claim(payload, user):
    try:
        # Some users (e.g., service users) may not have user profiles.
        name = UserProfile.objects.get(user=user).name
    except UserProfile.DoesNotExist:
        name = None
    payload.update(
        {
            "name": name,
            "family_name": user.last_name,
            "given_name": user.first_name,
            "administrator": user.is_staff,
            "superuser": user.is_superuser,
        }
    )


def _encode_and_sign(payload, use_asymmetric_key, secret):
    """
    Encode and sign the provided payload.
    """
    if use_asymmetric_key:
        key = json.loads(settings.JWT_AUTH["JWT_PRIVATE_SIGNING_JWK"])
        algorithm = settings.JWT_AUTH["JWT_SIGNING_ALGORITHM"]
    else:
        secret = secret if secret else settings.JWT_AUTH["JWT_SECRET_KEY"]
        key = {"k": base64url_encode(secret.encode("utf-8")), "kty": "oct"}
        algorithm = settings.JWT_AUTH["JWT_ALGORITHM"]

    jwk = PyJWK(key, algorithm)
    if JWT_AUTH_ADD_KID_HEADER.is_enabled() and jwk.key_id:
        return jwt.encode(payload, jwk.key, algorithm=algorithm, headers={"kid": jwk.key_id})
    return jwt.encode(payload, jwk.key, algorithm=algorithm)
