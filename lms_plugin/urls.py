"""
URLs the LMS mounts through ``get_plugin_url_patterns``.
"""
from django.urls import include, path

urlpatterns = [
    path("api/ccx/v1/", include("lms_plugin.ccx.rest_api.v1.urls")),
    path("", include("lms_plugin.paid_enrollments.urls")),
    path("api/discounts/v2/", include("lms_plugin.discounts.rest_api.v2.urls")),
    path("", include("lms_plugin.pending_enrollments.urls")),
]
