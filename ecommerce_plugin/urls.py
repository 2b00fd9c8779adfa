"""
URLs the ecommerce service mounts through ``get_plugin_url_patterns``.

On Otto the learner's flow is Otto's (its ``/basket/add/``, basket page, payment views and
receipt), so the plugin's own checkout pages and checkout API are mounted on a stock shop only.
"""
from django.urls import include, path

from ecommerce_plugin import platform
from ecommerce_plugin.discounts.url_tokens import keep_token

urlpatterns = [
    path("api/commerce/v1/ccx/", include("ecommerce_plugin.ccx_purchases.rest_api.v1.urls")),
    path("", include("ecommerce_plugin.ccx_purchases.urls")),
    path("", include("ecommerce_plugin.registration_codes.urls")),
    path("", include("ecommerce_plugin.invoices.urls")),
    path("", include("ecommerce_plugin.coupons.urls")),
    path("", include("ecommerce_plugin.finance.urls")),
    path("", include("ecommerce_plugin.course_pages.urls")),
    path("commerce/discounts/token/", keep_token, name="discount-token"),
    path("", include("ecommerce_plugin.api_docs")),
]
if platform.shop().mounts_checkout_pages:
    urlpatterns.insert(0, path("", include("ecommerce_plugin.checkout.urls")))
