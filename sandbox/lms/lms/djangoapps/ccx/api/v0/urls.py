"""
Replica of openedx-platform ``lms/djangoapps/ccx/api/v0/urls.py``.
"""
from django.urls import include, path, re_path

from lms.djangoapps.ccx.api.v0 import views

CCX_COURSE_ID_PATTERN = r"(?P<ccx_course_id>[^/+]+(/|\+)[^/+]+(/|\+)[^/?]+)"

CCX_URLS = (
    [
        path("", views.CCXListView.as_view(), name="list"),
        re_path(rf"^{CCX_COURSE_ID_PATTERN}/?$", views.CCXDetailView.as_view(), name="detail"),
    ],
    "ccx",
)

app_name = "v0"
urlpatterns = [
    path("ccx/", include(CCX_URLS)),
]
