from django.urls import re_path

from lms_plugin.discounts.rest_api.v2 import views

COURSE_KEY_PATTERN = r"(?P<course_key_string>[^/+]+(/|\+)[^/+]+(/|\+)[^/?]+)"

urlpatterns = [
    re_path(rf"^course/{COURSE_KEY_PATTERN}$", views.CourseUserDiscountView.as_view(), name="course-user-discount"),
]
