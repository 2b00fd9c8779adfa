"""
The error shape of every plugin API on this service, the same on the three services:
``{"error_code": "<code>", "message": "<text for a person>"}``, plus ``field_errors`` (per field)
for malformed input. Features answer their own refusals in it; ``exception_handler`` puts DRF's
own errors (malformed JSON, 401, 403, 404, 405, 415, 429) in it too, with the codes below.

The ecommerce plugin has the same module (``ecommerce_plugin.api_errors``/``api_views``): the
plugins never import each other, so the few lines are repeated, and a test of each service's
suite checks the shape (``tests/support/error_shape.py``).
"""
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

INVALID_REQUEST = "invalid_request"
NOT_AUTHENTICATED = "not_authenticated"
PERMISSION_DENIED = "permission_denied"
NOT_FOUND = "not_found"
RATE_LIMITED = "rate_limited"
METHOD_NOT_ALLOWED = "method_not_allowed"
UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
NOT_ACCEPTABLE = "not_acceptable"

_CODES = (
    (exceptions.Throttled, RATE_LIMITED),
    (exceptions.ParseError, INVALID_REQUEST),
    (exceptions.ValidationError, INVALID_REQUEST),
    (exceptions.NotAuthenticated, NOT_AUTHENTICATED),
    (exceptions.AuthenticationFailed, NOT_AUTHENTICATED),
    (exceptions.PermissionDenied, PERMISSION_DENIED),
    (exceptions.NotFound, NOT_FOUND),
    (exceptions.MethodNotAllowed, METHOD_NOT_ALLOWED),
    (exceptions.UnsupportedMediaType, UNSUPPORTED_MEDIA_TYPE),
    (exceptions.NotAcceptable, NOT_ACCEPTABLE),
)


def exception_handler(exc, context):
    """
    DRF's handler, with every answer in the plugins' error shape.
    """
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    error_code = next((code for kind, code in _CODES if isinstance(exc, kind)), f"http_{response.status_code}")
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    body = {"error_code": error_code, "message": detail if isinstance(detail, str) else str(detail)}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        body["message"], body["field_errors"] = str(_("Invalid request.")), exc.detail
    response.data = body
    return response


class PluginErrorsMixin:
    """
    For a plugin view: DRF's own errors answer in the plugins' error shape, and its drf-yasg
    schema documents every 4xx with that shape (``discovery_plugin.api_docs``).
    """

    @property
    def swagger_schema(self):
        from discovery_plugin.api_docs import ErrorDocumentingSwaggerAutoSchema  # noqa: PLC0415  (urls import)

        return ErrorDocumentingSwaggerAutoSchema

    def get_exception_handler(self):
        return exception_handler
