"""
The CCX checkout step: every CCX line's quote is recomputed while the basket is locked, before the
charge; upgrades reserve their purchase until the charge is decided.

Runs inside the checkout's lock-and-freeze transaction (``checkout.api._freeze_for_payment``). The
purchases upgraded are locked (``SELECT ... FOR UPDATE``, in id order) for the rest of that short
transaction, then reserved for this basket; a concurrent upgrade of the same purchase waits for the
lock, then finds the reservation (its quote is refused with ``upgrade_in_progress``) or, if the
winner's order is already written, a newer version (``quote_stale``). The charge itself happens
after this transaction, with no database lock held.
"""
from django.conf import settings
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ecommerce_plugin.ccx_purchases import errors, pricing, rules
from ecommerce_plugin.ccx_purchases.api import module_prices
from ecommerce_plugin.ccx_purchases.data import QUOTE_SKU_PREFIX, LineKind
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused
from ecommerce_plugin.ccx_purchases.models import CcxBasketLine, CcxPurchase
from ecommerce_plugin.checkout.paying import being_paid
from ecommerce_plugin.checkout.steps import CheckoutStep

Basket = get_model("basket", "Basket")


def _ccx_lines(basket):
    """
    The basket's CCX lines by id, read from the lines Oscar already loaded (no query).
    """
    return {
        line.id: line
        for line in basket.all_lines()
        if line.stockrecord is not None and line.stockrecord.partner_sku.startswith(QUOTE_SKU_PREFIX)
    }


class CcxQuoteStep(CheckoutStep):
    """
    Refuses a CCX line whose quote no longer holds; reserves the purchases it upgrades.
    """

    def prepare(self, basket, context):
        lines = _ccx_lines(basket)
        if not lines:
            return
        quotes = list(CcxBasketLine.objects.filter(line_id__in=lines).order_by("line_id"))
        if len(quotes) != len(lines):
            raise CcxPurchaseRefused(errors.LINE_NOT_FOUND, _("A custom course line lost its quote; add it again."))
        purchase_ids = sorted({q.purchase_id for q in quotes if q.purchase_id})
        purchases = {}
        if purchase_ids:
            locked = CcxPurchase.objects.select_for_update().filter(id__in=purchase_ids).order_by("id")
            purchases = {p.id: p for p in locked}
        if len(purchase_ids) != sum(1 for q in quotes if q.purchase_id):
            raise CcxPurchaseRefused(errors.DUPLICATE_UPGRADE, _("The basket upgrades one purchase twice."))
        busy = self._baskets_paying(basket, purchases.values())
        prices = module_prices({q.course_id for q in quotes})
        for quote in quotes:
            line = lines[quote.line_id]
            self._check(quote, line, prices[quote.course_id], context.user, purchases=purchases, busy=busy)
        if purchase_ids:
            CcxPurchase.objects.filter(id__in=purchase_ids).update(reserved_by_basket=basket)

    def release(self, basket, context):
        if _ccx_lines(basket):
            CcxPurchase.objects.filter(reserved_by_basket=basket).update(reserved_by_basket=None)

    @staticmethod
    def _baskets_paying(basket, purchases):
        """
        Ids of the other baskets holding a reservation that still counts (that basket's payment
        is under way: frozen, or on Otto in a payment view, ``checkout.paying``). A reservation of
        a basket thawed or submitted since is void.
        """
        others = {p.reserved_by_basket_id for p in purchases if p.reserved_by_basket_id not in (None, basket.id)}
        if not others:
            return set()
        return set(Basket.objects.filter(being_paid(), id__in=others).values_list("id", flat=True))

    @staticmethod
    def _check(quote, line, prices, user, *, purchases, busy):
        if line.quantity != 1:
            raise CcxPurchaseRefused(errors.INVALID_QUANTITY, _("A custom course line's quantity must be 1."))
        modules = rules.normalized_configuration(
            list(prices), quote.modules, quote.seats, settings.COMMERCE_CCX_MAX_SEATS
        )
        paid = pricing.ZERO
        if quote.kind == LineKind.UPGRADE:
            purchase = purchases.get(quote.purchase_id)
            if purchase is None or purchase.user_id != user.id:
                raise CcxPurchaseRefused(errors.PURCHASE_NOT_FOUND, _("No such purchase."), http_status=404)
            if purchase.reserved_by_basket_id in busy:
                raise CcxPurchaseRefused(
                    errors.UPGRADE_IN_PROGRESS, _("Another upgrade of this course is being paid for."), http_status=409
                )
            if purchase.version != quote.base_version:
                raise CcxPurchaseRefused(
                    errors.QUOTE_STALE, _("This course was upgraded since the quote; review the new price."), 409
                )
            rules.check_upgrade(purchase.modules, purchase.seats, modules, quote.seats)
            paid = purchase.amount_paid
        due = pricing.amount_due(pricing.configuration_total(prices, modules, quote.seats), paid)
        if due != quote.amount_due or line.stockrecord.price != quote.amount_due:
            raise CcxPurchaseRefused(
                errors.QUOTE_STALE,
                _("Prices changed since the quote; review the new price."),
                409,
            )
