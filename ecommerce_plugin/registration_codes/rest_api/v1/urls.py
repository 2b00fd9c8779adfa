from django.urls import path

from ecommerce_plugin.registration_codes.rest_api.v1 import views

urlpatterns = [
    path("basket/", views.SeatsBasketView.as_view(), name="registration-codes-basket"),
    path("redemptions/", views.RedemptionsView.as_view(), name="registration-code-redemptions"),
    path("redemptions/<int:redemption_id>/", views.RedemptionView.as_view(), name="registration-code-redemption"),
]
