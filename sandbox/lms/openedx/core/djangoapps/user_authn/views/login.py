"""
Replica of openedx-platform ``openedx/core/djangoapps/user_authn/views/login.py`` (``login_refresh``
only), checked against openedx/openedx-platform e57a655d77b614f19223984e9805b1fb940ab192.

frontend-platform's ``AxiosJwtAuthService`` POSTs here (``REFRESH_ACCESS_TOKEN_ENDPOINT``) before
its first authenticated request and whenever the JWT cookie has expired; a signed-in learner gets
fresh JWT cookies, anybody else a 401.
"""
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from openedx.core.djangoapps.user_authn.cookies import get_response_with_refreshed_jwt_cookies


@csrf_exempt
@require_http_methods(["POST"])
def login_refresh(request):
    if not request.user.is_authenticated or request.user.is_anonymous:
        return JsonResponse("Unauthorized", status=401, safe=False)
    return get_response_with_refreshed_jwt_cookies(request, request.user)
