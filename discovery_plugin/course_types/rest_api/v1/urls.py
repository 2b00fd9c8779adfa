"""
URLs of the course types API v1, mounted at ``/api/course_types/v1/``.
"""
from django.urls import path, re_path

from discovery_plugin.course_types.rest_api.v1 import views

app_name = "course_types_v1"

urlpatterns = [
    path("modes/", views.ModeListView.as_view(), name="modes"),
    path("tracks/", views.TrackListView.as_view(), name="tracks"),
    path("course_run_types/", views.CourseRunTypeListView.as_view(), name="course-run-types"),
    path("course_run_types/<slug:slug>/", views.CourseRunTypeDetailView.as_view(), name="course-run-type"),
    path("course_types/", views.CourseTypeListView.as_view(), name="course-types"),
    path("course_types/<slug:slug>/", views.CourseTypeDetailView.as_view(), name="course-type"),
    re_path(r"^courses/(?P<course_key>[^/]+)/$", views.CourseRequirementsView.as_view(), name="course"),
    path("course_runs/", views.CourseRunRequirementsListView.as_view(), name="course-runs"),
    re_path(r"^course_runs/(?P<course_run_key>[^/]+)/$", views.CourseRunRequirementsView.as_view(), name="course-run"),
]
