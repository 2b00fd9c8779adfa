"""
Replica of openedx-platform ``openedx/core/djangoapps/user_authn/cookies.py`` (the JWT cookies only),
checked against openedx/openedx-platform e57a655d77b614f19223984e9805b1fb940ab192.

``get_response_with_refreshed_jwt_cookies`` splits a fresh JWT of the learner into the two cookies
edx-drf-extensions' ``JwtAuthCookieMiddleware`` joins again: the header and payload (readable by
the MFEs' frontend-platform, which decodes the user from it) and the signature (httponly).
Upstream mints the JWT from a DOT access token of the login client; the sandbox has no DOT, so it
signs the same claims with ``create_jwt_for_user`` (the asymmetric key, as upstream's cookies use).
Not replicated: the deprecated logged-in and user-info cookies.
"""
import json
import time

from django.conf import settings
from django.http import JsonResponse
from django.utils.http import http_date
from edx_rest_framework_extensions.auth.jwt import cookies as jwt_cookies

from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user

JWT_DELIMITER = "."


def standard_cookie_settings(request):
    return {
        "domain": settings.SESSION_COOKIE_DOMAIN,
        "path": "/",
        "httponly": None,
        "secure": request.is_secure(),
    }


def _set_jwt_cookies(response, cookie_settings, jwt_header_and_payload, jwt_signature):
    cookie_settings["httponly"] = None
    response.set_cookie(jwt_cookies.jwt_cookie_header_payload_name(), jwt_header_and_payload, **cookie_settings)
    cookie_settings["httponly"] = True
    response.set_cookie(jwt_cookies.jwt_cookie_signature_name(), jwt_signature, **cookie_settings)


def _create_and_set_jwt_cookies(response, request, cookie_settings, user):
    expires_in = settings.JWT_AUTH.get("JWT_IN_COOKIE_EXPIRATION", 60 * 60)
    cookie_settings["max_age"] = expires_in
    cookie_settings["expires"] = http_date(time.time() + expires_in)
    token = create_jwt_for_user(user, scopes=["user_id", "email", "profile"],
                                additional_claims={"exp": int(time.time()) + expires_in})
    parts = token.split(JWT_DELIMITER)
    _set_jwt_cookies(response, cookie_settings, JWT_DELIMITER.join(parts[0:2]), parts[2])


def get_response_with_refreshed_jwt_cookies(request, user):
    """
    Generates the response and resets the JWT related cookies in the response for the given user.
    """
    cookie_settings = standard_cookie_settings(request)
    response = JsonResponse({})
    _create_and_set_jwt_cookies(response, request, cookie_settings, user)
    current_time = time.time()
    response.content = json.dumps({
        "success": True,
        "user_id": user.id,
        "response_epoch_seconds": current_time,
        "response_http_date": http_date(current_time),
        "expires": cookie_settings["expires"],
        "expires_epoch_seconds": current_time + cookie_settings["max_age"],
    })
    return response
