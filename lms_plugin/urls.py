"""
URLs the LMS mounts through ``get_plugin_url_patterns``.
"""
from django.urls import include, path

urlpatterns = [
    path("", include("lms_plugin.paid_enrollments.urls")),
]
