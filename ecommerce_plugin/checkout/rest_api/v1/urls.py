from django.urls import path

from ecommerce_plugin.checkout.rest_api.v1 import views

urlpatterns = [
    path("basket/items/", views.BasketItemsView.as_view(), name="basket-items"),
    path("checkout/", views.CheckoutView.as_view(), name="checkout"),
]
