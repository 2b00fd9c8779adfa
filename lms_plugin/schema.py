"""
How drf-spectacular describes the plugin's views: edx-drf-extensions' JwtAuthentication, and the
error body of every 4xx a view can answer (``commerce_plugins_common.schema``, shared with the
ecommerce plugin).
"""
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from commerce_plugins_common.schema import ErrorDocumentingAutoSchema, ErrorSerializer

__all__ = ["ErrorDocumentingAutoSchema", "ErrorSerializer", "JwtAuthenticationScheme"]


class JwtAuthenticationScheme(OpenApiAuthenticationExtension):
    """
    ``Authorization: JWT <token>``, the header every Open edX service sends another.
    """

    target_class = "edx_rest_framework_extensions.auth.jwt.authentication.JwtAuthentication"
    name = "JwtAuthentication"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'A JWT issued by the LMS, sent as "JWT <token>".',
        }
