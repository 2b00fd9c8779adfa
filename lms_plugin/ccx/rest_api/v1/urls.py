"""
URLs of the CCX API v1, mounted at ``/api/ccx/v1/``.
"""
from django.urls import path, re_path

from . import views

app_name = "ccx_v1"
urlpatterns = [
    path("ccx/", views.CcxListView.as_view(), name="list"),
    re_path(r"^ccx/external/(?P<external_id>[^/]+)/?$", views.CcxExternalIdView.as_view(), name="external"),
    re_path(r"^ccx/(?P<ccx_course_id>[^/]+)/?$", views.CcxDetailView.as_view(), name="detail"),
    path("jobs/<uuid:job_id>", views.CcxJobView.as_view(), name="job"),
]
