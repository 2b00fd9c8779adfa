"""
Replica of Otto ``ecommerce/extensions/basket/utils.py`` (``prepare_basket``, ``apply_offers_on_basket``,
``basket_add_payment_intent_id_attribute``, ``is_duplicate_seat_attempt``), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Also where Otto sends a buyer after ``/basket/add/`` (``get_payment_microfrontend_or_basket_url``
and its helpers, as upstream has them; ``absolute_url`` is Otto's ``ecommerce/core/url_utils.py``
one, inlined).

``prepare_basket`` keeps Otto's order of work: get the site's basket, flush it, refuse a seat the
learner already ordered (``UserAlreadyPlacedOrder``), add each product and send Oscar's
``basket_addition`` with the request. Oscar 4's basket models load ``basket.utils`` through
``get_class`` while the models are being registered, so models are looked up when called here
(Otto's module, written for Oscar 3.2, looks them up at import). Left out: enterprise catalog attributes, bundles, embargo
checks, voucher application and referral cookies (no plugin feature goes through them).
"""
import logging

import waffle
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from ecommerce.extensions.order.exceptions import AlreadyPlacedOrderException

PAYMENT_INTENT_ID_ATTRIBUTE = "payment_intent_id"  # Otto's basket/constants.py
# Otto ``ecommerce/extensions/payment/constants.py``.
DISABLE_MICROFRONTEND_FOR_BASKET_PAGE_FLAG_NAME = "disable_microfrontend_for_basket_page"

logger = logging.getLogger(__name__)

from oscar.apps.basket.utils import *  # noqa: E402,F401,F403  pylint: disable=wildcard-import,wrong-import-position


def prepare_basket(request, products, voucher=None):  # noqa: ARG001  (Otto's signature; vouchers left out)
    """Create or get the basket, add products; returns the basket."""
    from ecommerce.extensions.order.utils import UserAlreadyPlacedOrder  # noqa: PLC0415

    Basket = get_model("basket", "Basket")  # noqa: N806
    basket = Basket.get_basket(request.user, request.site)
    basket.flush()
    basket.save()
    basket_addition = get_class("basket.signals", "basket_addition")
    already_purchased_products = []
    is_multi_product_basket = len(products) > 1
    for product in products:
        if is_duplicate_seat_attempt(basket, product):
            logger.info("User [%s] repeated request to add [%s], will ignore", request.user.username, product.id)
            return basket
        if not UserAlreadyPlacedOrder.user_already_placed_order(user=request.user, product=product, site=request.site):
            basket.add_product(product, 1)
            basket_addition.send(sender=basket_addition, product=product, user=request.user, request=request,
                                 basket=basket, is_multi_product_basket=is_multi_product_basket)
        else:
            already_purchased_products.append(product)
            logger.warning("User [%s] attempted to repurchase [%s]", request.user.username, product.id)
    if already_purchased_products and basket.is_empty:
        raise AlreadyPlacedOrderException
    return basket


def apply_offers_on_basket(request, basket):
    """Applies offers on a basket (Otto's stand-in for Oscar's middleware ``apply_offer_to_basket``)."""
    if not basket.is_empty:
        get_class("offer.applicator", "Applicator")().apply(basket, request.user, request)


def basket_add_payment_intent_id_attribute(basket, payment_intent_id):
    """Adds the Stripe payment_intent_id attribute on basket."""
    BasketAttribute = get_model("basket", "BasketAttribute")  # noqa: N806
    BasketAttributeType = get_model("basket", "BasketAttributeType")  # noqa: N806
    payment_intent_id_attribute, __ = BasketAttributeType.objects.get_or_create(name=PAYMENT_INTENT_ID_ATTRIBUTE)
    basket_attribute, __ = BasketAttribute.objects.get_or_create(
        attribute_type=payment_intent_id_attribute,
        basket=basket,
    )
    basket_attribute.value_text = payment_intent_id.strip()
    basket_attribute.save()


def is_duplicate_seat_attempt(basket, product):
    """Whether the basket already holds this seat product."""
    product_type = product.get_product_class().name
    return bool(product_type == "Seat" and basket.product_quantity(product))


def absolute_url(request, reverse_string):
    return request.build_absolute_uri(reverse(reverse_string))


def get_payment_microfrontend_or_basket_url(request):
    url = get_payment_microfrontend_url_if_configured(request)
    if not url:
        url = absolute_url(request, "basket:summary")
    return url


def get_payment_microfrontend_url_if_configured(request):
    if _use_payment_microfrontend(request):
        return request.site.siteconfiguration.payment_microfrontend_url

    return None


def _use_payment_microfrontend(request):
    """
    Return whether the current request should use the payment MFE.
    """
    return (
        request.site.siteconfiguration.enable_microfrontend_for_basket_page and
        request.site.siteconfiguration.payment_microfrontend_url and
        not waffle.flag_is_active(request, DISABLE_MICROFRONTEND_FOR_BASKET_PAGE_FLAG_NAME)
    )
