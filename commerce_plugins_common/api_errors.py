"""
The error shape of every plugin API, the same on the three services:
``{"error_code": "<code>", "message": "<text for a person>"}``, plus ``field_errors`` (per field)
for malformed input. Features answer their own refusals in it; ``exception_handler`` puts DRF's
own errors (malformed JSON, 401, 403, 404, 405, 406, 415, 429) in it too, with the codes below.

Each plugin's ``api_errors`` module wraps ``exception_handler`` with its own translated "Invalid
request." (so the text stays in that plugin's message catalog) and, on the ecommerce service,
its own error class; a test of each service's suite checks the shape
(``tests/support/error_shape.py``). Imports Django REST framework only.
"""
from rest_framework import exceptions, serializers
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


def exception_handler(exc, context, invalid_message):
    """
    DRF's handler, with every answer in the plugins' error shape; ``invalid_message`` is the
    message of a malformed body that comes with ``field_errors``.
    """
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    error_code = next((code for kind, code in _CODES if isinstance(exc, kind)), f"http_{response.status_code}")
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    body = {"error_code": error_code, "message": detail if isinstance(detail, str) else str(detail)}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        body["message"], body["field_errors"] = str(invalid_message), exc.detail
    response.data = body
    return response


class ErrorSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    The plugins' error body, as their API schemas document it.
    """

    error_code = serializers.CharField(help_text="Machine-readable code, snake_case; stable across releases.")
    message = serializers.CharField(help_text="What went wrong, for a person (translated).")
    field_errors = serializers.DictField(
        required=False, help_text="Malformed input only: what is wrong with each field, by field name."
    )
