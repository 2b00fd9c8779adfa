"""
URLs of the sandbox discovery service, shaped like course-discovery ``course_discovery/urls.py``.

Like upstream's, they mount no plugin urls (upstream calls no ``get_plugin_url_patterns``)
and document the API with drf-yasg at ``/api-docs/``. ``ROOT_URLCONF`` is the plugin's
``discovery_plugin.host_urls``, which wraps this module, as in a real deployment.
"""
from django.contrib import admin
from django.urls import include, path
from drf_yasg import openapi
from drf_yasg.views import get_schema_view
from rest_framework import permissions

schema_view = get_schema_view(
    openapi.Info(title="Discovery API", default_version="v1"),
    public=False,
    permission_classes=(permissions.IsAuthenticated,),
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api-docs/", schema_view.with_ui("swagger", cache_timeout=0), name="api_docs"),
    path("", include("sandbox_discovery.urls")),
]
