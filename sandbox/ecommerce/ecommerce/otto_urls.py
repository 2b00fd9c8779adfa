"""
The Otto-faithful sandbox's URLconf: the replicated Otto URLs (``payment/`` and ``bff/``, as Otto's
``ecommerce/urls.py`` and ``ecommerce/extensions/urls.py`` mount them at sumac.master 126b670782e0),
then the sandbox's own (the plugin's, then Oscar's with Otto's forked basket and checkout apps).
"""
from django.urls import include, path, re_path

from ecommerce import urls as sandbox_urls
from ecommerce.bff import views as bff_views

BFF_PAYMENT_URLS = [
    re_path(r"^capture-context/$", bff_views.CaptureContextApiView.as_view(), name="capture_context"),
    re_path(r"^payment/$", bff_views.PaymentApiView.as_view(), name="payment"),
]

BFF_URLS = [path("payment/", include(([path("v0/", include((BFF_PAYMENT_URLS, "v0")))], "payment")))]

urlpatterns = [
    path("bff/", include((BFF_URLS, "bff"))),
    re_path(r"^payment/", include("ecommerce.extensions.payment.urls")),
    *sandbox_urls.urlpatterns,
]
