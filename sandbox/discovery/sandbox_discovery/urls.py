"""
The sandbox landing page.
"""
from django.urls import path
from django.views.generic import TemplateView

urlpatterns = [
    path("", TemplateView.as_view(template_name="sandbox_discovery/index.html"), name="sandbox-index"),
]
