"""
Replica of openedx-platform ``lms/djangoapps/commerce/api/v1/urls.py`` (e57a655d77b614f19223984e9805b1fb940ab192): the courses routes
(the orders route, which proxies to the ecommerce service, is not replicated).
"""
from django.conf import settings
from django.urls import include, path, re_path

from . import views

# Upstream takes it from lms/envs/common.py.
COURSE_ID_PATTERN = getattr(settings, "COURSE_ID_PATTERN", r"(?P<course_id>[^/+]+(/|\+)[^/+]+(/|\+)[^/?]+)")

COURSE_URLS = (
    [
        path("", views.CourseListView.as_view(), name="list"),
        re_path(rf"^{COURSE_ID_PATTERN}/$", views.CourseRetrieveUpdateView.as_view(), name="retrieve_update"),
    ],
    "courses",
)

app_name = "v1"
urlpatterns = [
    path("courses/", include(COURSE_URLS)),
]
