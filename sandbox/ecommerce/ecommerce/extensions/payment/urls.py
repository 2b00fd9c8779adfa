"""
Replica of Otto ``ecommerce/extensions/payment/urls.py`` (the Stripe URLs; mounted under ``payment/``
by ``ecommerce/otto_urls.py``), checked against openedx-unsupported/ecommerce ``open-release/sumac.master``
126b670782e095b0abddd22fae0e94f8caf88348.
"""
from django.urls import include, re_path

from ecommerce.extensions.payment.views import stripe

STRIPE_URLS = [
    re_path(r"^checkout", stripe.StripeCheckoutView.as_view(), name="checkout"),
]

urlpatterns = [
    re_path(r"^stripe/", include((STRIPE_URLS, "stripe"))),
]
