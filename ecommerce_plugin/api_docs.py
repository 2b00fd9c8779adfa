"""
The OpenAPI schema of the plugin's own APIs on the ecommerce, with Swagger UI and ReDoc pages over it:
``/api/commerce-plugins/schema/``, ``/api/commerce-plugins/docs/`` and ``/api/commerce-plugins/redoc/``
(drf-spectacular, which the extra installs). Signed-in users only, like the APIs they describe.
"""
from importlib.metadata import PackageNotFoundError, version

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated

try:
    __version__ = version("openedx-commerce-plugins")
except PackageNotFoundError:  # a source tree not installed
    __version__ = "unknown"

SCHEMA_URL_NAME = "commerce_ecommerce:commerce-plugins-schema"


class _Explicit:
    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)
    schema = None  # the docs pages are not operations of the schema they serve


class PluginSchemaView(_Explicit, SpectacularAPIView):
    urlconf = "ecommerce_plugin.urls"
    custom_settings = {
        "TITLE": "Open edX commerce plugins: ecommerce APIs",
        "VERSION": __version__,
        "DESCRIPTION": "Every error answers {\"error_code\", \"message\"} (and field_errors for malformed input).",
    }


class PluginSwaggerView(_Explicit, SpectacularSwaggerView):
    url_name = SCHEMA_URL_NAME


class PluginRedocView(_Explicit, SpectacularRedocView):
    url_name = SCHEMA_URL_NAME


urlpatterns = [
    path("api/commerce-plugins/schema/", PluginSchemaView.as_view(), name="commerce-plugins-schema"),
    path("api/commerce-plugins/docs/", PluginSwaggerView.as_view(), name="commerce-plugins-docs"),
    path("api/commerce-plugins/redoc/", PluginRedocView.as_view(), name="commerce-plugins-redoc"),
]
