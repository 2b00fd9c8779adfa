"""
Replica of Otto ``ecommerce/extensions/basket/utils.py`` (``prepare_basket``, ``apply_offers_on_basket``,
``basket_add_payment_intent_id_attribute``, ``is_duplicate_seat_attempt``, and the voucher path's
``validate_voucher`` and ``apply_voucher_on_basket_and_check_discount``), checked against
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
from django.utils.translation import gettext as _
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


BUNDLE = "bundle_identifier"  # Otto's offer/applicator.py


def validate_voucher(voucher, user, basket, request_site):
    """
    Otto's checks before a voucher is applied: expired, not active, not available to the user, another
    partner's, a single course run coupon on a bundle. Reads Otto's ``Voucher.best_offer``
    (``voucher.utils.best_offer`` here); ``partner`` and ``program_uuid`` are Otto's columns, absent
    from Oscar's offer models here, so read as empty, which is what the plugin's coupons leave them.
    """
    from ecommerce.extensions.voucher.utils import best_offer  # noqa: PLC0415

    Voucher = get_model("voucher", "Voucher")  # noqa: N806
    BasketAttribute = get_model("basket", "BasketAttribute")  # noqa: N806
    BasketAttributeType = get_model("basket", "BasketAttributeType")  # noqa: N806
    if voucher.is_expired():
        message = _("Coupon code '{code}' has expired.").format(code=voucher.code)
        return False, message

    if not voucher.is_active():
        message = _("Coupon code '{code}' is not active.").format(code=voucher.code)
        return False, message

    is_available, msg = voucher.is_available_to_user(user)

    if not is_available:
        message = _("Coupon code '{code}' is not available. {msg}").format(code=voucher.code, msg=msg)
        return False, message

    voucher_partner = getattr(best_offer(voucher), "partner", None)
    if request_site and voucher_partner and request_site.siteconfiguration.partner != voucher_partner:
        message = _("Coupon code '{code}' is not valid for this basket.").format(code=voucher.code)
        return False, message

    bundle_attribute = BasketAttribute.objects.filter(
        basket=basket,
        attribute_type=BasketAttributeType.objects.get(name=BUNDLE)
    )
    is_bundle_purchase = len(bundle_attribute) > 0
    voucher_program_uuid = getattr(best_offer(voucher).condition, "program_uuid", None)
    is_voucher_valid_for_bundle = voucher_program_uuid or voucher.usage == Voucher.MULTI_USE

    if is_bundle_purchase and not is_voucher_valid_for_bundle:
        message = _("Coupon code '{code}' is not valid for this basket for a bundled purchase.").format(
            code=voucher.code)
        return False, message

    return True, ""


def apply_voucher_on_basket_and_check_discount(voucher, request, basket):
    """Applies the voucher (Otto's Applicator, with the request); says whether it discounts the basket."""
    voucher_addition = get_class("basket.signals", "voucher_addition")
    basket.reset_offer_applications()
    basket.vouchers.add(voucher)
    voucher_addition.send(sender=None, basket=basket, voucher=voucher)

    get_class("offer.applicator", "Applicator")().apply(basket, request.user, request)

    discounts_after = basket.offer_applications

    found_discount = False
    for discount in discounts_after:
        if discount["voucher"] and discount["voucher"] == voucher:
            found_discount = True
            break

    if found_discount:
        logger.info("Applied Voucher [%s] to basket [%s].", voucher.code, basket.id)
        msg = _("Coupon code '{code}' added to basket.").format(code=voucher.code)
        return True, msg

    msg = _("Basket does not qualify for coupon code {code}.").format(code=voucher.code)
    logger.info("Coupon Code [%s] is not valid for basket [%s]", voucher.code, basket.id)
    basket.clear_vouchers()
    return False, msg
