from django.urls import include, path

from ecommerce_plugin.checkout import views

urlpatterns = [
    path("basket/add/", views.basket_add, name="basket-add"),
    path("commerce/checkout/pay/", views.pay, name="checkout-pay"),
    path("commerce/checkout/receipt/<str:order_number>/", views.receipt, name="checkout-receipt"),
    path("api/commerce/v1/", include("ecommerce_plugin.checkout.rest_api.v1.urls")),
]
