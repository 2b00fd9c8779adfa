"""
The error shape of every plugin API on this service, the same on the three services:
``{"error_code": "<code>", "message": "<text for a person>"}``, plus ``field_errors`` (per field)
for malformed input. Features answer their own refusals in it; ``exception_handler`` puts DRF's
own errors (malformed JSON, 401, 403, 404, 405, 415, 429) in it too, with the codes of
``commerce_plugins_common.api_errors``, where the handler the three plugins share lives.
"""
from django.utils.translation import gettext as _

from commerce_plugins_common import api_errors as common
from lms_plugin.schema import ErrorDocumentingAutoSchema


def exception_handler(exc, context):
    """
    DRF's handler, with every answer in the plugins' error shape.
    """
    return common.exception_handler(exc, context, invalid_message=_("Invalid request."))


class PluginErrorsMixin:
    """
    For a plugin view: DRF's own errors answer in the plugins' error shape, and the schema
    documents every 4xx with that shape.
    """

    schema = ErrorDocumentingAutoSchema()

    def get_exception_handler(self):
        return exception_handler
