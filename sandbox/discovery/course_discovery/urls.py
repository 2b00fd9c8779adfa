"""
URLs of the sandbox discovery service: the admin, the API schema, the landing page, then every plugin's urls.
"""
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from edx_django_utils.plugins import get_plugin_url_patterns

from course_discovery.sandbox_plugins import PROJECT_TYPE

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="openapi-schema"),
    path("", include("sandbox_discovery.urls")),
]
urlpatterns.extend(get_plugin_url_patterns(PROJECT_TYPE))
