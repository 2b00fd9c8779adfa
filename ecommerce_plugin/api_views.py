"""
The one base of every ecommerce plugin API view: who may call it, and how a refusal looks.

Authentication and permissions are declared here, not inherited from the host's
``REST_FRAMEWORK`` defaults: Otto's and a stock Oscar shop's differ, and a plugin endpoint
must not become anonymous (or session-only) because a host changed its defaults. Every error
a view raises, DRF's own included (malformed JSON, 401, 403, 404, 429), answers the plugins' shape
``{"error_code", "message"}``, and ``field_errors`` for a malformed body.
"""
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from commerce_plugins_common import api_errors as common
from commerce_plugins_common.api_errors import RATE_LIMITED
from ecommerce_plugin.api_errors import DB_BIGINT_MAX, INVALID_REQUEST, CommerceError, refused
from ecommerce_plugin.api_schema import ErrorDocumentingAutoSchema

__all__ = ["RATE_LIMITED", "CommerceAPIView", "exception_handler"]


def exception_handler(exc, context):
    """
    DRF's handler, with every answer in the plugins' error shape
    (``commerce_plugins_common.api_errors``); the plugin's own ``CommerceError`` answers its code.
    """
    if isinstance(exc, CommerceError):
        return refused(exc)
    return common.exception_handler(exc, context, invalid_message=_("Invalid request."))


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

