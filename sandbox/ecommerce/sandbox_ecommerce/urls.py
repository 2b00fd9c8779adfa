"""
The sandbox landing page.
"""
from django.urls import path
from django.views.generic import TemplateView

urlpatterns = [
    path("sandbox/", TemplateView.as_view(template_name="sandbox_ecommerce/index.html"), name="sandbox-index"),
]
