"""
URLs the LMS mounts through ``get_plugin_url_patterns``.
"""
from django.apps import apps
from django.urls import include, path

urlpatterns = [
    path("", include("lms_plugin.paid_enrollments.urls")),
    path("api/discounts/v2/", include("lms_plugin.discounts.rest_api.v2.urls")),
    path("", include("lms_plugin.pending_enrollments.urls")),
    path("", include("lms_plugin.api_docs")),
]
# CCX v1 exists only where the host runs CCX (the feature app is installed only then).
if apps.is_installed("lms_plugin.ccx"):
    urlpatterns.insert(0, path("api/ccx/v1/", include("lms_plugin.ccx.rest_api.v1.urls")))
