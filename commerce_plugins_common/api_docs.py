"""
The OpenAPI schema of a plugin's own APIs, with Swagger UI and ReDoc pages over it:
``/api/commerce-plugins/schema/``, ``/api/commerce-plugins/docs/`` and ``/api/commerce-plugins/redoc/``
(drf-spectacular, which the LMS and ecommerce extras install; course-discovery's plugin uses drf-yasg).

Each plugin's ``api_docs`` module calls ``docs_urlpatterns`` with its own URLconf, title, URL
namespace and who may read its docs: the views are made for that module (their ``__module__``, as
``collections.namedtuple(module=...)`` does), so they are the plugin's views, each declaring the
authentication and permissions the plugin gave it.
"""
from importlib.metadata import PackageNotFoundError, version

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

try:
    __version__ = version("openedx-commerce-plugins")
except PackageNotFoundError:  # a source tree not installed
    __version__ = "unknown"

ERROR_SHAPE = "Every error answers {\"error_code\", \"message\"} (and field_errors for malformed input)."


def docs_urlpatterns(module, *, urlconf, title, schema_url_name, authentication_classes, permission_classes):  # noqa: PLR0917
    """
    The three docs URLs of the plugin module ``module``: ``urlconf`` holds the APIs the schema
    describes, ``schema_url_name`` is the schema URL's name in the plugin's namespace, and the
    authentication and permission classes say who may read the docs.
    """

    def view(name, base, **attributes):
        return type(name, (base,), {
            "__module__": module,
            "authentication_classes": authentication_classes,
            "permission_classes": permission_classes,
            "schema": None,  # the docs pages are not operations of the schema they serve
            **attributes,
        })

    schema = view("PluginSchemaView", SpectacularAPIView, urlconf=urlconf,
                  custom_settings={"TITLE": title, "VERSION": __version__, "DESCRIPTION": ERROR_SHAPE})
    swagger = view("PluginSwaggerView", SpectacularSwaggerView, url_name=schema_url_name)
    redoc = view("PluginRedocView", SpectacularRedocView, url_name=schema_url_name)
    return [
        path("api/commerce-plugins/schema/", schema.as_view(), name="commerce-plugins-schema"),
        path("api/commerce-plugins/docs/", swagger.as_view(), name="commerce-plugins-docs"),
        path("api/commerce-plugins/redoc/", redoc.as_view(), name="commerce-plugins-redoc"),
    ]
