"""
The discount feature's public interface: what discount a basket gets from the LMS's token, and
the one-order-per-token bookkeeping the checkout step does.

Where the token comes from: ``basket.checkout_context.params["discount_jwt"]`` when not empty
(the checkout API puts it there through ``checkout.api.prepare_basket``). Then, on a stock shop,
the token the learner's session keeps for the seat's course (``url_tokens``: the basket page's
script posted it, or a ``?discount_jwt=`` link was moved there), so the token never needs to be in
a URL. On Otto (ADR 0018), the request's GET or POST ``discount_jwt`` (Otto's basket page, the
payment MFE; the plugin's own tokens are taken out of them before Otto's views, ``discounts.otto``),
else the token kept with the basket the first time it verified, so that Stripe's and
PayPal's executions, which carry none, charge the price the learner saw; and Otto's waffle flag
``offer.dynamic_discount`` still switches the discount on and off.
"""
import logging

import waffle
from crum import get_current_request
from django.db import IntegrityError, transaction

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.discounts import errors
from ecommerce_plugin.discounts.data import DiscountRefusal, DiscountVerdict
from ecommerce_plugin.discounts.otto import request_token as otto_request_token
from ecommerce_plugin.discounts.tokens import DiscountTokenRefused, verify_discount_token
from ecommerce_plugin.discounts.url_tokens import forget_in_session, has_session_tokens, token_in_session

log = logging.getLogger(__name__)

TOKEN_PARAM = "discount_jwt"
# The verdict is computed once per basket object and token: Oscar asks the condition and the
# benefit several times per offer application.
_VERDICT_ATTR = "_commerce_lms_discount_verdict"
_STORED_ATTR = "_commerce_stored_discount_token"
OTTO_DISCOUNT_FLAG = "offer.dynamic_discount"  # Otto's offer/constants.py DYNAMIC_DISCOUNT_FLAG


def discount_token_for_basket(basket):
    """
    The discount token that goes with this basket right now, or None.
    """
    context = getattr(basket, "checkout_context", None)
    if context is not None and (context.params or {}).get(TOKEN_PARAM):
        return context.params[TOKEN_PARAM]
    request = getattr(context, "request", None) or get_current_request()
    if platform.is_otto():
        return _request_token(request) or stored_token(basket)
    session = getattr(request, "session", None)
    if not has_session_tokens(session):
        return None
    line = seat_line(basket)
    return token_in_session(session, seat_for_product(line.product).course_key) if line is not None else None


def _request_token(request):
    """
    Otto's ``get_decoded_jwt_discount_from_request``: GET on a GET, POST on a POST (and GET); a
    token of the plugin's audience was taken from there before Otto's view ran (``discounts.otto``).
    """
    if request is None:
        return None
    return (
        otto_request_token(request)
        or request.GET.get(TOKEN_PARAM)
        or (request.POST.get(TOKEN_PARAM) if request.method == "POST" else None)
    )


def stored_token(basket):
    """Otto: the token kept with the basket since it verified (one query per basket object)."""
    if _STORED_ATTR not in basket.__dict__:
        basket.__dict__[_STORED_ATTR] = platform.stored_discount_token(basket)
    return basket.__dict__[_STORED_ATTR]


def forget_stored_token(basket):
    platform.forget_discount_token(basket)
    basket.__dict__[_STORED_ATTR] = None


def seat_line(basket):
    """
    The basket's only line when the basket is exactly one seat, else None.
    """
    lines = basket.all_lines()
    if len(lines) != 1 or lines[0].quantity != 1:
        return None
    return lines[0] if seat_for_product(lines[0].product) is not None else None


def verdict_for_basket(basket):
    """
    The ``DiscountVerdict`` of the basket for its current token (memoised on the basket object).
    """
    token = discount_token_for_basket(basket)
    cached = getattr(basket, _VERDICT_ATTR, None)
    if cached is not None and cached.token == token:
        return cached
    verdict = _judge(basket, token)
    setattr(basket, _VERDICT_ATTR, verdict)
    if token and platform.is_otto() and token != stored_token(basket):
        # A token from this request: kept once it verifies; one refused replaces what was kept,
        # so the price charged later is the price this page shows.
        if verdict.discount is not None:
            platform.store_discount_token(basket, token)
            basket.__dict__[_STORED_ATTR] = token
        elif verdict.refusal is not None and stored_token(basket) is not None:
            forget_stored_token(basket)
    return verdict


def forget_verdict(basket):
    if hasattr(basket, _VERDICT_ATTR):
        delattr(basket, _VERDICT_ATTR)


def _judge(basket, token):
    if not token:
        return DiscountVerdict(token=None)
    if platform.is_otto() and not _otto_flag_on():
        return DiscountVerdict(token=token)  # Otto's switch is off: no discount, no refusal
    line = seat_line(basket)
    if line is None:
        return _refused(token, errors.BASKET_NOT_ONE_SEAT)
    owner = basket.owner
    if owner is None:
        return _refused(token, errors.WRONG_USER)
    seat = seat_for_product(line.product)
    try:
        discount = verify_discount_token(token, owner.get_username(), seat.course_key)
    except DiscountTokenRefused as refused:
        return _refused(token, refused.error_code)
    from ecommerce_plugin.discounts.models import DiscountRedemption  # noqa: PLC0415

    if DiscountRedemption.objects.filter(jti=discount.jti).exclude(basket_id=basket.id).exists():
        return _refused(token, errors.ALREADY_USED)
    return DiscountVerdict(token=token, discount=discount)


def _otto_flag_on():
    request = get_current_request()
    return request is None or waffle.flag_is_active(request, OTTO_DISCOUNT_FLAG)


def _refused(token, error_code):
    log.info("Discount token refused: %s", error_code)
    return DiscountVerdict(token=token, refusal=DiscountRefusal(error_code, str(errors.MESSAGES[error_code])))


def reserve_redemption(basket):
    """
    Claim the basket's token for this basket (inside checkout's locked transaction).

    Returns the verdict after the claim: if another basket claimed the same ``jti`` first, the
    verdict becomes "already used" and the caller must re-price the basket.
    """
    from ecommerce_plugin.discounts.models import DiscountRedemption  # noqa: PLC0415

    verdict = verdict_for_basket(basket)
    discount = verdict.discount
    if discount is None:
        return verdict
    try:
        with transaction.atomic():
            DiscountRedemption.objects.get_or_create(
                jti=discount.jti,
                basket_id=basket.id,
                defaults={
                    "username": discount.username,
                    "course_key": discount.course_key,
                    "percent": discount.percent,
                    "claims": discount.claims,
                },
            )
    except IntegrityError:
        verdict = _refused(verdict.token, errors.ALREADY_USED)
        setattr(basket, _VERDICT_ATTR, verdict)
    return verdict


def release_redemption(basket):
    """
    The charge failed: the basket's token may be used again.
    """
    from ecommerce_plugin.discounts.models import DiscountRedemption  # noqa: PLC0415

    DiscountRedemption.objects.filter(basket_id=basket.id, order__isnull=True).delete()


def link_redemption_to_order(order):
    """
    The order was written: its redemption row now points to it (same transaction as the order).
    """
    from ecommerce_plugin.discounts.models import DiscountRedemption  # noqa: PLC0415

    # Checkout writes the order from the basket object it priced: no verified discount there, no
    # redemption to link (and no query).
    verdict = getattr(order.basket, _VERDICT_ATTR, None) if order.basket_id else None
    if verdict is None or verdict.discount is None:
        return
    DiscountRedemption.objects.filter(basket_id=order.basket_id, order__isnull=True).update(order=order)
    # Used: the next basket for this course asks the LMS again rather than show "already used".
    request = get_current_request()
    if request is not None and hasattr(request, "session"):
        forget_in_session(request.session, verdict.discount.course_key)


def redemption_for_order(order):
    """
    The token's ``jti`` and claims kept with the order, or None when the order had no LMS discount.
    """
    from ecommerce_plugin.discounts.models import DiscountRedemption  # noqa: PLC0415

    return DiscountRedemption.objects.filter(order=order).first()
