from django.urls import path

from ecommerce_plugin.coupons.rest_api.v1 import views

urlpatterns = [
    path("", views.CouponsView.as_view(), name="coupons"),
    path("basket/", views.BasketCouponView.as_view(), name="coupons-basket"),
]
