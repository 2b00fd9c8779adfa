"""
Replica of openedx-platform ``openedx/core/djangoapps/enrollments/urls.py`` (the routes of the replicated views).
"""
from django.conf import settings
from django.urls import path, re_path

from .views import EnrollmentCourseDetailView, EnrollmentListView, EnrollmentView

# Upstream takes these from lms/envs/common.py.
USERNAME_PATTERN = getattr(settings, "USERNAME_PATTERN", r"(?P<username>[\w.@+-]+)")
COURSE_ID_PATTERN = getattr(settings, "COURSE_ID_PATTERN", r"(?P<course_id>[^/+]+(/|\+)[^/+]+(/|\+)[^/?]+)")

urlpatterns = [
    re_path(
        rf"^enrollment/{USERNAME_PATTERN},{COURSE_ID_PATTERN}$",
        EnrollmentView.as_view(),
        name="courseenrollment",
    ),
    re_path(rf"^enrollment/{COURSE_ID_PATTERN}$", EnrollmentView.as_view(), name="courseenrollment"),
    path("enrollment", EnrollmentListView.as_view(), name="courseenrollments"),
    re_path(rf"^course/{COURSE_ID_PATTERN}$", EnrollmentCourseDetailView.as_view(), name="courseenrollmentdetails"),
]
