"""
The sandbox landing page, served at the shop's root ahead of Oscar's catalogue redirect.
"""
from django.urls import path

from sandbox_ecommerce import views

urlpatterns = [
    path("", views.front_page, name="sandbox-front-page"),
    path("sandbox/", views.front_page, name="sandbox-index"),
]
