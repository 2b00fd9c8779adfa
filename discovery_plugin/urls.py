"""
URLs of the discovery plugin, mounted by ``discovery_plugin.host_urls`` (or ``get_plugin_url_patterns``).
"""
from django.urls import include, path

urlpatterns = [
    path("api/course_types/v1/", include("discovery_plugin.course_types.rest_api.v1.urls")),
]
# The API's docs pages (drf-yasg, which course-discovery has); their schema covers the patterns above.
urlpatterns.append(path("", include("discovery_plugin.api_docs")))
