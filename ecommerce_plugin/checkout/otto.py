"""
The checkout steps in front of Otto's payment views (ADR 0018).

Otto charges in its processor views and sends no signal before the charge, so the plugin's checks
run in a middleware: for a request that one of Otto's payment endpoints (matched by URL name) will
answer, it finds the basket that view will charge the way the view finds it, and in one short
transaction locks the basket row, prices the basket as the view will (its strategy, Otto's
``Applicator`` with this request), runs the checkout steps (``COMMERCE_CHECKOUT_STEPS``) and
records a ``PaymentAttempt``. Then Otto's view runs unchanged. When it has answered and no order
exists for the basket, every step releases what it reserved and the attempt is removed.

A refusal never reaches Otto's view, so nothing is charged; it is answered in the shape that
endpoint's client already handles (frontend-app-payment, Otto's basket JS, a redirect back to the
basket page), with the plugin's ``error_code`` in it.
"""
import dataclasses
import logging

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ecommerce_plugin.checkout import errors
from ecommerce_plugin.checkout.data import CheckoutContext
from ecommerce_plugin.checkout.errors import CheckoutRefused

log = logging.getLogger(__name__)

PAYMENT_INTENT_ID_ATTRIBUTE = "payment_intent_id"  # Otto's basket/constants.py


def _request_basket(request):
    """The learner's open basket on this site, as ``Basket.get_basket`` (and ``request.basket``) give it."""
    from ecommerce_plugin import platform  # noqa: PLC0415

    return platform.open_basket(request.user, request)


def _posted_basket(request):
    """``stripe:submit``: the ``basket`` field of Otto's ``StripeSubmitForm`` (the learner's open baskets)."""
    Basket = get_model("basket", "Basket")  # noqa: N806
    basket_id = request.POST.get("basket", "")
    if not basket_id.isdigit():
        return None
    return Basket.objects.filter(id=int(basket_id), owner=request.user, status=Basket.OPEN).first()


def _payment_intent_basket(request):
    """``stripe:checkout``: the basket holding the posted payment intent (``StripeCheckoutView._get_basket``)."""
    BasketAttribute = get_model("basket", "BasketAttribute")  # noqa: N806
    payment_intent_id = request.POST.get("payment_intent_id")
    if not payment_intent_id:
        return None
    attributes = list(
        BasketAttribute.objects.filter(
            attribute_type__name=PAYMENT_INTENT_ID_ATTRIBUTE, value_text=payment_intent_id
        ).select_related("basket")[:2]
    )
    # None or several: Otto's view refuses it itself.
    return attributes[0].basket if len(attributes) == 1 else None


def _paypal_basket(request):
    """``paypal:execute``: the basket of the PayPal payment (``PaypalPaymentExecutionView._get_basket``)."""
    from ecommerce_plugin import platform  # noqa: PLC0415

    payment_id = request.GET.get("paymentId")
    if not payment_id:
        return None
    response = (
        platform.payment_processor_response_model()
        .objects.filter(processor_name="paypal", transaction_id=payment_id)
        .select_related("basket")
        .first()
    )
    return response.basket if response is not None else None


def _mfe_refusal(request, refused):
    """frontend-app-payment shows ``user_message`` (its Stripe/Cybersource error handling)."""
    return JsonResponse({"error_code": refused.error_code, "user_message": refused.message}, status=400)


def _basket_js_refusal(request, refused):
    """Otto's basket JS: a failed ``BasePaymentSubmitView`` form answers ``{"error", "field_errors"}``."""
    return JsonResponse({"error": refused.message, "field_errors": {}, "error_code": refused.error_code}, status=400)


def _basket_page_refusal(request, refused):
    """A page flow (free checkout, PayPal's return): back to Otto's basket page, which shows the message."""
    messages.error(request, refused.message, extra_tags=refused.error_code)
    return HttpResponseRedirect(f"{reverse('basket:summary')}?error_code={refused.error_code}")


@dataclasses.dataclass(frozen=True)
class Endpoint:
    """One of Otto's payment endpoints: how its view finds the basket, and how its client reads a refusal."""

    methods: tuple
    basket: object
    refusal: object


# Otto's URL names (open-release/sumac.master 126b670782e0). Not here, on purpose (ADR 0018):
# api:iap:*, the executive-education 2U flow, api:v2:coupons, api:v2:orders (manual enrollment),
# coupons:redeem, api:v2:baskets:create (the view builds the basket itself) and management commands.
ENDPOINTS = {
    "stripe:checkout": Endpoint(("POST",), _payment_intent_basket, _mfe_refusal),
    "stripe:submit": Endpoint(("POST",), _posted_basket, _basket_js_refusal),
    "cybersource:authorize": Endpoint(("POST",), _request_basket, _mfe_refusal),
    "cybersource:apple_pay:authorize": Endpoint(("POST",), _request_basket, _mfe_refusal),
    "paypal:execute": Endpoint(("GET",), _paypal_basket, _basket_page_refusal),
    "checkout:free-checkout": Endpoint(("GET", "POST"), _request_basket, _basket_page_refusal),
}

_ATTEMPT = "_commerce_payment_attempt"


class OttoPrePaymentMiddleware:
    """
    Runs the checkout steps before Otto's payment views charge; releases them if no order follows.

    Placed after Otto's ``BasketMiddleware`` (the request's site, user and basket are known).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        attempt = getattr(request, _ATTEMPT, None)
        if attempt is not None:
            _finish(*attempt)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):  # noqa: ARG002
        match = getattr(request, "resolver_match", None)
        endpoint = ENDPOINTS.get(match.view_name) if match is not None else None
        if endpoint is None or request.method not in endpoint.methods:
            return None
        if not getattr(request, "user", None) or not request.user.is_authenticated:
            return None  # Otto's view sends the learner to log in
        basket = endpoint.basket(request)
        if basket is None or basket.owner_id != request.user.id:
            return None  # Otto's view answers a basket it cannot find (or someone else's) itself
        context = CheckoutContext(user=request.user, request=request)
        try:
            basket, steps = begin(basket, context, match.view_name)
        except CheckoutRefused as refused:
            log.info("Otto payment %s of basket %s refused before the charge: %s",
                     match.view_name, basket.id, refused.error_code)
            return endpoint.refusal(request, refused)
        setattr(request, _ATTEMPT, (basket, context, steps))
        return None


def otto_steps():
    from ecommerce_plugin.checkout.steps import configured_steps  # noqa: PLC0415

    return [step for step in configured_steps() if step.runs_on_otto]


def begin(basket, context, url_name):
    """
    Lock, price and check ``basket`` for a payment about to start in ``url_name``; returns the
    basket as checked (its lines loaded) and the steps run.

    Raises ``CheckoutRefused`` (nothing reserved) when a step refuses or the basket is being paid
    already; what the refusal asks to do once the check's transaction rolled back is done first.
    """
    try:
        with transaction.atomic():
            return _check(basket, context, url_name)
    except CheckoutRefused as refused:
        for callback in getattr(refused, "after_rollback", ()):
            callback()
        raise


def _check(basket, context, url_name):
    from ecommerce_plugin.checkout.api import prepare_basket  # noqa: PLC0415
    from ecommerce_plugin.checkout.models import PaymentAttempt  # noqa: PLC0415
    from ecommerce_plugin.checkout.paying import live_attempts  # noqa: PLC0415

    Basket = get_model("basket", "Basket")  # noqa: N806
    locked = Basket.objects.select_for_update().filter(id=basket.id).first()
    if locked is None or locked.status == Basket.SUBMITTED:
        # Otto's view answers a submitted basket itself (duplicate order attempt).
        return basket, []
    earlier = PaymentAttempt.objects.filter(basket_id=basket.id).first()
    if earlier is not None:
        if live_attempts().filter(id=earlier.id).exists():
            raise CheckoutRefused(
                errors.PAYMENT_IN_PROGRESS, _("This basket is already being paid for."), http_status=409
            )
        earlier.delete()  # void: left by a worker that crashed during the payment
    prepare_basket(locked, context)
    steps = otto_steps()
    for step in steps:
        step.prepare(locked, context)
    try:
        with transaction.atomic():
            PaymentAttempt.objects.create(basket_id=basket.id, url_name=url_name)
    except IntegrityError as exc:
        raise CheckoutRefused(
            errors.PAYMENT_IN_PROGRESS, _("This basket is already being paid for."), http_status=409
        ) from exc
    return locked, steps


def _finish(basket, context, steps):
    """
    Otto's view has answered: with an order, what the steps reserved is now the order's; without
    one, it is released. The attempt ends either way.
    """
    from ecommerce_plugin.checkout.models import PaymentAttempt  # noqa: PLC0415

    Order = get_model("order", "Order")  # noqa: N806
    try:
        with transaction.atomic():
            if not Order.objects.filter(basket_id=basket.id).exists():
                for step in steps:
                    step.release(basket, context)
            PaymentAttempt.objects.filter(basket_id=basket.id).delete()
    except Exception:  # pylint: disable=broad-except
        # The response is already decided; a stuck reservation expires with its attempt.
        log.exception("Releasing the payment attempt of basket %s failed.", basket.id)

