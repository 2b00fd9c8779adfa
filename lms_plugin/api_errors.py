"""
The LMS plugin's views in the error shape of the three services (``commerce_plugins_common.api_errors``):
DRF's own errors answer it through ``exception_handler``, with the plugin's translated text, and
drf-spectacular documents it on every 4xx (``lms_plugin.schema``).
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
