from django.urls import include, path

from ecommerce_plugin.registration_codes import views

urlpatterns = [
    path("commerce/registration-codes/buy/", views.buy_seats, name="registration-codes-buy"),
    path("commerce/registration-codes/redeem/", views.redeem_page, name="registration-code-redeem-page"),
    path("api/commerce/v1/registration-codes/", include("ecommerce_plugin.registration_codes.rest_api.v1.urls")),
]
