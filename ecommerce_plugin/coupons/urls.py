from django.urls import include, path

urlpatterns = [
    path("api/commerce/v1/coupons/", include("ecommerce_plugin.coupons.rest_api.v1.urls")),
]
