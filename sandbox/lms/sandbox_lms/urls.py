"""
Sandbox-only (not a replica): URLs of the sandbox LMS's own pages.
"""
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("", views.root, name="sandbox_lms_root"),
    # Learners sign in here (the platform's login lives in the authn MFE and user_authn).
    path("login", auth_views.LoginView.as_view(), name="signin_user"),
    path("logout", auth_views.LogoutView.as_view(next_page="/login"), name="logout"),
]
