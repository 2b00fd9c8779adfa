"""
How drf-spectacular describes edx-drf-extensions' JwtAuthentication in the OpenAPI schema.
"""
from drf_spectacular.extensions import OpenApiAuthenticationExtension


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
