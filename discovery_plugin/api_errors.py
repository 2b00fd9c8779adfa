"""
The discovery plugin's views in the error shape of the three services
(``commerce_plugins_common.api_errors``): DRF's own errors answer it through ``exception_handler``,
with the plugin's translated text, and drf-yasg documents it on every 4xx (``discovery_plugin.api_docs``).
"""
from django.utils.translation import gettext as _

from commerce_plugins_common import api_errors as common


def exception_handler(exc, context):
    """
    DRF's handler, with every answer in the plugins' error shape.
    """
    return common.exception_handler(exc, context, invalid_message=_("Invalid request."))


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
