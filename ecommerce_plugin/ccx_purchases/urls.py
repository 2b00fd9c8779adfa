"""
The teacher's CCX pages, mounted on every host (on Otto through ``ecommerce_plugin.otto_urls``).
"""
from django.urls import path

from ecommerce_plugin.ccx_purchases import views

urlpatterns = [
    path("commerce/ccx/courses/<str:master_course_id>/", views.buy, name="ccx-buy-page"),
    path("commerce/ccx/purchases/<str:external_id>/", views.upgrade, name="ccx-upgrade-page"),
]
