"""
Sandbox-only (not a replica): URLs of the sandbox LMS's own pages.
"""
from django.urls import path

from . import views

urlpatterns = [
    path("", views.root, name="sandbox_lms_root"),
]
