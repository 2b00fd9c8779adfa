"""
``{% lms_discount_banner basket %}``: what the basket page's script needs, and the learner's notice.
"""
from django import template
from django.urls import reverse

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.discounts import api
from ecommerce_plugin.discounts.offer import OFFER_SLUG

register = template.Library()


@register.inclusion_tag("ecommerce_plugin/discounts/basket_discount.html", takes_context=True)
def lms_discount_banner(context, basket):
    """
    ``state``: ``applied`` (the token's discount is on the seat), ``refused`` (a token was given and
    not honoured: ``message`` says why, the full price shows), ``ask`` (one seat, no token: the
    script asks the LMS at ``endpoint``), or ``none``.
    """
    line = api.seat_line(basket) if basket is not None and getattr(basket, "id", None) else None
    if line is None:
        return {"state": "none"}
    verdict = api.verdict_for_basket(basket)
    if verdict.refusal is not None:
        return {"state": "refused", "message": verdict.refusal.message, "code": verdict.refusal.error_code}
    if verdict.discount is not None and _offer_applied(basket):
        return {
            "state": "applied",
            "percent": verdict.discount.percent.normalize(),
            "expires": verdict.discount.claims.get("exp", ""),
            "endpoint": _endpoint(line),
            **_token_handover(context),
        }
    if verdict.token is None:
        return {"state": "ask", "endpoint": _endpoint(line), **_token_handover(context)}
    return {"state": "none"}


def _token_handover(context):
    """
    Where the script posts the LMS's token (``url_tokens.keep_token``): never into a URL.
    """
    return {"token_url": reverse("commerce_ecommerce:discount-token"), "csrf_token": context.get("csrf_token", "")}


def _endpoint(line):
    return platform.lms_url(f"/api/discounts/v2/course/{seat_for_product(line.product).course_key}")


def _offer_applied(basket):
    applications = getattr(basket, "offer_applications", None)
    if applications is None:
        return False
    return any(application["offer"].slug == OFFER_SLUG for application in applications)
