"""
On Otto, the plugin's discount token is read by the plugin only (ADR 0018).

Otto's basket views (``BasketLogicMixin.process_totals`` in ``ecommerce/extensions/basket/views.py``:
the basket page, the payment MFE's ``bff/payment/v0/payment/``, its quantity and voucher APIs)
decode the request's ``discount_jwt`` themselves whenever the only offer applied is the dynamic
discount, to show its percentage (``get_percentage_from_request`` in
``ecommerce/extensions/offer/dynamic_conditional_offer.py``). They decode it with
``configured_jwt_decode_handler``, which verifies a service credential (the issuer's audience); the
plugin's token has an audience of its own precisely so that it is never one, so Otto's decoder
raises and the page answers 500.

This middleware takes a token of the plugin's audience out of the request's GET (and a form
POST's fields) before Otto's view runs and keeps it on the request, where the plugin's condition
reads it. Otto's code then finds no token, and the percentage the plugin verified is put in the
page's context in its place. Any other ``discount_jwt`` (the platform's v1 token, of the service's
audience) is left where it is, for Otto to read as before.
"""
import jwt
from django.conf import settings

from ecommerce_plugin.discounts.tokens import MAX_TOKEN_LENGTH

TOKEN_PARAM = "discount_jwt"
REQUEST_ATTR = "commerce_discount_token"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def is_plugin_token(token):
    """Whether ``token`` claims the plugin's audience (unverified: only to route it; the basket verifies it)."""
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
        return False
    try:
        audience = jwt.decode(token, options={"verify_signature": False}).get("aud")
    except jwt.PyJWTError:
        return False
    audiences = [audience] if isinstance(audience, str) else audience if isinstance(audience, list) else []
    return settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE in audiences


def request_token(request):
    """The plugin's token this middleware took from the request, or None."""
    return getattr(request, REQUEST_ATTR, None)


def _take(request, name):
    params = getattr(request, name)
    token = params.get(TOKEN_PARAM)
    if not is_plugin_token(token):
        return None
    params = params.copy()
    del params[TOKEN_PARAM]
    setattr(request, name, params)
    return token


class OttoDiscountTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _take(request, "GET")
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            token = _take(request, "POST") or token
        if token is not None:
            setattr(request, REQUEST_ATTR, token)
        return self.get_response(request)

    def process_template_response(self, request, response):
        """Otto's basket page shows ``discount_percent``, which Otto's own decoder no longer finds."""
        context = getattr(response, "context_data", None)
        if not context or "discount_percent" not in context or context["discount_percent"] is not None:
            return response
        basket = getattr(request, "basket", None)
        if basket is None or not getattr(basket, "id", None):
            return response
        from ecommerce_plugin.discounts import api  # noqa: PLC0415

        discount = api.verdict_for_basket(basket).discount
        if discount is not None:
            percent = discount.percent
            context["discount_percent"] = int(percent) if percent == percent.to_integral_value() else percent
        return response
