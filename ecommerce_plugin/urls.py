"""
URLs the ecommerce service mounts through ``get_plugin_url_patterns``.
"""
from django.urls import include, path

from ecommerce_plugin.discounts.url_tokens import keep_token

urlpatterns = [
    path("", include("ecommerce_plugin.checkout.urls")),
    path("api/commerce/v1/ccx/", include("ecommerce_plugin.ccx_purchases.rest_api.v1.urls")),
    path("", include("ecommerce_plugin.registration_codes.urls")),
    path("", include("ecommerce_plugin.invoices.urls")),
    path("", include("ecommerce_plugin.coupons.urls")),
    path("", include("ecommerce_plugin.finance.urls")),
    path("commerce/discounts/token/", keep_token, name="discount-token"),
]
