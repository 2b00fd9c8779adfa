"""
The OpenAPI schema of the plugin's course types API on course-discovery, with Swagger UI and
ReDoc pages: ``/api/commerce-plugins/schema/``, ``/api/commerce-plugins/docs/`` and
``/api/commerce-plugins/redoc/``. drf-yasg, as course-discovery documents its own API
(``/api-docs/``); signed-in users only, as there.
"""
from django.urls import include, path
from drf_yasg import openapi
from drf_yasg.inspectors import SwaggerAutoSchema
from drf_yasg.views import get_schema_view
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny, IsAuthenticated

from commerce_plugins_common import api_errors as common


class ErrorSerializer(common.ErrorSerializer):  # pylint: disable=abstract-method
    """
    The plugins' error body (``commerce_plugins_common.api_errors``), under drf-yasg's own name.
    """

    class Meta:
        ref_name = "CommercePluginError"


ERROR_DESCRIPTIONS = {
    "400": "Invalid request: ``invalid_input`` or the operation's own code.",
    "401": "Not signed in (no valid JWT or session): ``not_authenticated``.",
    "403": "Signed in, but not allowed: ``permission_denied``.",
    "404": "No such course, run or type (or the site has no partner): ``not_found``, ``partner_not_found``.",
    "429": "Too many requests: ``rate_limited``.",
}


class ErrorDocumentingSwaggerAutoSchema(SwaggerAutoSchema):
    """
    drf-yasg's schema of a plugin view, with every 4xx it can answer documented with the error body.
    """

    def get_response_serializers(self):
        responses = super().get_response_serializers()
        codes = ["400", "404"]
        if not all(isinstance(permission, AllowAny) for permission in self.view.get_permissions()):
            codes += ["401", "403"]
        if self.view.get_throttles():
            codes.append("429")
        for code in codes:
            if str(code) not in {str(key) for key in responses}:
                responses[code] = openapi.Response(ERROR_DESCRIPTIONS[code], ErrorSerializer)
        return responses


schema_view = get_schema_view(
    openapi.Info(
        title="Open edX commerce plugins: course-discovery APIs",
        default_version="v1",
        description='Every error answers {"error_code", "message"}.',
    ),
    patterns=[path("api/course_types/v1/", include("discovery_plugin.course_types.rest_api.v1.urls"))],
    public=False,
    authentication_classes=(JwtAuthentication, SessionAuthentication),
    permission_classes=(IsAuthenticated,),
)

urlpatterns = [
    path("api/commerce-plugins/schema/", schema_view.without_ui(cache_timeout=0), name="commerce-plugins-schema"),
    path("api/commerce-plugins/docs/", schema_view.with_ui("swagger", cache_timeout=0), name="commerce-plugins-docs"),
    path("api/commerce-plugins/redoc/", schema_view.with_ui("redoc", cache_timeout=0), name="commerce-plugins-redoc"),
]
