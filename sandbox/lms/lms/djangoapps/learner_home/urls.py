"""
Replica of openedx-platform ``lms/djangoapps/learner_home/urls.py`` (the ``init`` view).
"""
from django.urls import re_path

from lms.djangoapps.learner_home import views

app_name = "learner_home"

urlpatterns = [
    re_path(r"^init/?", views.InitializeView.as_view(), name="initialize"),
]
