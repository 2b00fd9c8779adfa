from django.urls import re_path

from lms_plugin.paid_enrollments.rest_api.v1 import views

urlpatterns = [
    re_path(
        r"^courses/(?P<course_key>[^/]+)/$",
        views.CourseEnrollmentFactsView.as_view(),
        name="paid-enrollments-course-facts",
    ),
]
