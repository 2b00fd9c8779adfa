"""
After payment: the order's CCX lines become purchases or grow them, in the order's own transaction,
and the LMS sync is queued once that transaction commits.
"""
import logging

from django.db.models import F
from oscar.core.loading import get_class

from ecommerce_plugin.ccx_purchases.data import LineKind, SyncState
from ecommerce_plugin.ccx_purchases.models import CcxBasketLine, CcxPurchase, CcxPurchaseChange
from ecommerce_plugin.transactions import on_commit_robust

log = logging.getLogger(__name__)


class PurchaseMovedOn(Exception):
    """
    The purchase is not at the version the upgrade was checked against. The checkout step's lock and
    reservation make this unreachable in normal operation; raising it rolls the order back, and the
    checkout refunds the charge.
    """


def connect():
    order_placed = get_class("order.signals", "order_placed")
    order_placed.connect(record_ccx_lines, dispatch_uid="commerce_ccx_purchases.record_ccx_lines")


def record_ccx_lines(sender, order, user=None, **kwargs):
    """
    Oscar's ``order_placed`` receiver (sent by ``OrderCreator`` inside the order's transaction).
    """
    quotes = list(CcxBasketLine.objects.filter(line__basket_id=order.basket_id).select_related("course"))
    if not quotes:
        return
    purchase_ids = [apply_quote(quote, order) for quote in quotes]
    log.info("Order %s: CCX purchases %s updated; LMS sync queued.", order.number, purchase_ids)

    def enqueue():
        from ecommerce_plugin.ccx_purchases import tasks  # noqa: PLC0415

        for purchase_id in purchase_ids:
            tasks.sync_ccx_purchase.delay(purchase_id)

    on_commit_robust(enqueue)


def apply_quote(quote, order):
    """
    Create or grow the purchase a paid line names; returns its id.
    """
    if quote.kind == LineKind.PURCHASE:
        purchase = CcxPurchase.objects.create(
            user_id=order.user_id,
            course=quote.course,
            display_name=quote.display_name or quote.course.master_course_key,
            modules=quote.modules,
            seats=quote.seats,
            amount_paid=quote.amount_due,
            version=1,
        )
        purchase_id, version = purchase.id, 1
    else:
        # Optimistic concurrency: grows only the version the checkout step checked.
        updated = CcxPurchase.objects.filter(
            id=quote.purchase_id, version=quote.base_version, user_id=order.user_id
        ).update(
            modules=quote.modules,
            seats=quote.seats,
            amount_paid=F("amount_paid") + quote.amount_due,
            version=F("version") + 1,
            reserved_by_basket=None,
            sync_state=SyncState.PENDING,
            sync_error="",
        )
        if updated != 1:
            raise PurchaseMovedOn(f"purchase {quote.purchase_id} is no longer at version {quote.base_version}")
        purchase_id, version = quote.purchase_id, quote.base_version + 1
    CcxPurchaseChange.objects.create(
        purchase_id=purchase_id,
        order_number=order.number,
        kind=quote.kind,
        version=version,
        modules=quote.modules,
        seats=quote.seats,
        amount=quote.amount_due,
    )
    return purchase_id
