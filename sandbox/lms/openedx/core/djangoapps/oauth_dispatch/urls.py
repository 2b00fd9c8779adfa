"""
Replica of openedx-platform ``openedx/core/djangoapps/oauth_dispatch/urls.py`` (the access token route only).
"""
from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^access_token/?$", views.AccessTokenView.as_view(), name="access_token"),
]
