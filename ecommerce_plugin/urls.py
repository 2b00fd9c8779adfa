"""
URLs the ecommerce service mounts through ``get_plugin_url_patterns``.
"""
from django.urls import include, path

urlpatterns = [
    path("", include("ecommerce_plugin.checkout.urls")),
]
