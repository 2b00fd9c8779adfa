"""
URLs the ecommerce service mounts through ``get_plugin_url_patterns``.
"""
from django.urls import include, path

urlpatterns = [
    path("", include("ecommerce_plugin.checkout.urls")),
    path("api/commerce/v1/ccx/", include("ecommerce_plugin.ccx_purchases.rest_api.v1.urls")),
    path("", include("ecommerce_plugin.registration_codes.urls")),
    path("", include("ecommerce_plugin.invoices.urls")),
    path("", include("ecommerce_plugin.coupons.urls")),
    path("", include("ecommerce_plugin.finance.urls")),
]
