"""
How drf-spectacular documents the JWT authentication of edx-drf-extensions in the OpenAPI schema.
"""
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class JwtAuthenticationScheme(OpenApiAuthenticationExtension):
    """
    Open edX services send ``Authorization: JWT <token>`` (the LMS also accepts its JWT cookie).
    """

    target_class = "edx_rest_framework_extensions.auth.jwt.authentication.JwtAuthentication"
    name = "JwtAuthentication"
    # Another plugin in the same service may document the same class; the first one wins.
    priority = -1

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "An Open edX JWT, sent as `JWT <token>`.",
        }
