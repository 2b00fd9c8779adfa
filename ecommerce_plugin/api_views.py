"""
The one base of every ecommerce plugin API view: who may call it, and how a refusal looks.

Authentication and permissions are declared here, not inherited from the host's
``REST_FRAMEWORK`` defaults: Otto's and a stock Oscar shop's differ, and a plugin endpoint
must not become anonymous (or session-only) because a host changed its defaults. Every error
a view raises, DRF's own included (malformed JSON, 401, 403, 429), answers the plugin's shape
``{"error_code", "message"}``.
"""
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework import exceptions, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from ecommerce_plugin.api_errors import DB_BIGINT_MAX, INVALID_REQUEST, CommerceError, refused
from ecommerce_plugin.api_schema import ErrorDocumentingAutoSchema

NOT_AUTHENTICATED = "not_authenticated"
PERMISSION_DENIED = "permission_denied"
RATE_LIMITED = "rate_limited"
METHOD_NOT_ALLOWED = "method_not_allowed"
UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

_CODES = (
    (exceptions.Throttled, RATE_LIMITED),
    (exceptions.ParseError, INVALID_REQUEST),
    (exceptions.ValidationError, INVALID_REQUEST),
    (exceptions.NotAuthenticated, NOT_AUTHENTICATED),
    (exceptions.AuthenticationFailed, NOT_AUTHENTICATED),
    (exceptions.PermissionDenied, PERMISSION_DENIED),
    (exceptions.MethodNotAllowed, METHOD_NOT_ALLOWED),
    (exceptions.UnsupportedMediaType, UNSUPPORTED_MEDIA_TYPE),
)


def exception_handler(exc, context):
    """
    DRF's handler, with every answer in the plugin's error shape.
    """
    if isinstance(exc, CommerceError):
        return refused(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    error_code = next((code for kind, code in _CODES if isinstance(exc, kind)), f"http_{response.status_code}")
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    response.data = {"error_code": error_code, "message": detail if isinstance(detail, str) else str(detail)}
    return response


class CommerceAPIView(APIView):
    """
    Signed-in users only, by the platform's JWT (services, the learner's MFEs) or a session
    (the shop's own pages). Views that need a narrower audience check it in their ``api``
    (object and role checks), and answer with the same error shape.

    Integer path arguments (``<int:...>``) are checked against the widest id column the plugin
    has (a 64-bit ``BigAutoField``): a larger number is a 400, not a database overflow.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)
    schema = ErrorDocumentingAutoSchema()

    def get_exception_handler(self):
        return exception_handler

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in kwargs.items():
            if isinstance(value, int) and not 0 <= value <= DB_BIGINT_MAX:
                raise CommerceError(
                    INVALID_REQUEST,
                    _("%(name)s is out of range.") % {"name": name},
                    status.HTTP_400_BAD_REQUEST,
                )

