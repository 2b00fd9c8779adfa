"""
Replica of openedx-platform ``openedx/core/djangoapps/oauth_dispatch/views.py`` (``AccessTokenView``, client-credentials grant with ``token_type=jwt`` only).

Upstream delegates to django-oauth-toolkit applications; the sandbox's
applications are ``settings.SANDBOX_OAUTH_CLIENTS`` (client_id ->
{"secret", "username"}), each acting as a staff service user created on first
use, as Open edX service users are. The request and response match what
edx-rest-api-client's ``OAuthAPIClient`` posts and reads.
"""
import hmac
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_token_dict_for_client

log = logging.getLogger(__name__)

# Upstream's default scopes of a DOT application (settings.OAUTH2_DEFAULT_SCOPES).
CLIENT_CREDENTIALS_SCOPES = ["read", "write", "email", "profile"]
CLIENT_CREDENTIALS_GRANT = "client_credentials"
# The JWT's grant_type claim is the DOT application's grant type, spelled as DOT spells it.
DOT_GRANT_CLIENT_CREDENTIALS = "client-credentials"


def _oauth_error(error, status, description=None):
    body = {"error": error}
    if description:
        body["error_description"] = description
    return JsonResponse(body, status=status)


@method_decorator(csrf_exempt, name="dispatch")
class AccessTokenView(View):
    """
    POST /oauth2/access_token: grant_type=client_credentials, client_id, client_secret, token_type=jwt.
    """

    def post(self, request):
        grant_type = request.POST.get("grant_type")
        if grant_type != CLIENT_CREDENTIALS_GRANT:
            return _oauth_error("unsupported_grant_type", 400)
        token_type = request.POST.get("token_type", "jwt").lower()
        if token_type != "jwt":
            return _oauth_error("invalid_request", 400, "The sandbox LMS issues JWT access tokens only.")

        client_id = request.POST.get("client_id", "")
        client_secret = request.POST.get("client_secret", "")
        client = getattr(settings, "SANDBOX_OAUTH_CLIENTS", {}).get(client_id)
        # Compare against a dummy secret for unknown clients too, so timing says nothing about which ids exist.
        expected_secret = client["secret"] if client else "\0unknown-client"
        if not (hmac.compare_digest(client_secret.encode(), expected_secret.encode()) and client):
            log.info("Rejected client credentials for client_id %r", client_id)
            return _oauth_error("invalid_client", 401)

        user, __ = get_user_model().objects.get_or_create(
            username=client["username"], defaults={"is_staff": True, "email": f"{client['username']}@example.com"}
        )
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        token = create_jwt_token_dict_for_client(user, CLIENT_CREDENTIALS_SCOPES, grant_type=DOT_GRANT_CLIENT_CREDENTIALS)
        return JsonResponse(token)
