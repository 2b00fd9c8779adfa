"""
The pre-payment checks inside a real Otto: every payment endpoint they name is one of Otto's, and
they run after Otto's ``BasketMiddleware`` (ADR 0018).
"""
from django.conf import settings
from django.urls import reverse

from ecommerce_plugin.checkout.otto import ENDPOINTS

MIDDLEWARE = "ecommerce_plugin.checkout.otto.OttoPrePaymentMiddleware"


def test_every_payment_endpoint_the_checks_name_is_in_otto_urlconf():
    for name in ENDPOINTS:
        assert reverse(name)


def test_the_checks_run_after_otto_basket_middleware_and_the_url_token_middleware_is_not_installed():
    middleware = list(settings.MIDDLEWARE)
    assert middleware.index(MIDDLEWARE) > middleware.index("ecommerce.extensions.basket.middleware.BasketMiddleware")
    assert "ecommerce_plugin.discounts.url_tokens.DiscountTokenOutOfUrlMiddleware" not in middleware
