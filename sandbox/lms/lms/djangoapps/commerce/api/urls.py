"""
Replica of openedx-platform ``lms/djangoapps/commerce/api/urls.py`` (e57a655d77b614f19223984e9805b1fb940ab192): v1 only (v0's basket
view is not replicated).
"""
from django.urls import include, path

app_name = "commerce"
urlpatterns = [
    path("v1/", include(("lms.djangoapps.commerce.api.v1.urls", "v1"), namespace="v1")),
]
