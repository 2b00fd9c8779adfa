"""
The plugin's fulfillment modules in Otto's ``FULFILLMENT_MODULES`` (Otto's interface: lines'
statuses are set by the module, ``fulfill_product`` returns ``(order, lines)``).

Otto's ``fulfillment.api.fulfill_order(order, lines)`` offers every line to the modules in order,
the first whose ``get_supported_lines`` returns a line fulfils it, and at refund every module whose
``supports_line`` is true revokes it. Its retries (ecommerce-worker after a 500, a staff retry)
pass every line of the order again, so a Complete line would be fulfilled again. The plugin adds,
in this order before Otto's own:

* ``CompletedLinesModule``: claims the lines already Complete (re-read under their row locks when
  Otto's fulfilment runs in a transaction, as its order API does) and does nothing with them,
  so no later module fulfils them again. It supports no line, so it never takes part in a refund.
* ``RegistrationCodesModule`` and ``CcxPurchaseModule``: the plugin's own products, through the
  plugin's modules (idempotent per line), their outcomes turned into Otto's line statuses.
* Otto's ``EnrollmentFulfillmentModule`` is replaced, in its place, by ``EnrollmentFulfillmentModule``
  here, a subclass that first tells the LMS the seats are pending (the LMS plugin's
  pending-enrollments API), then enrolls exactly as Otto does. The learner who closed the receipt
  tab still sees the course pending until enrolled. Being a subclass in Otto's slot, it is still
  the only module that supports a seat line, so Otto's refund revokes a seat once.
"""
import logging

import requests
from django.db import connection
from django.utils.module_loading import import_string
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.fulfillment import errors
from ecommerce_plugin.fulfillment.modules import BaseFulfillmentModule, lms_client, mode_for_seat
from ecommerce_plugin.fulfillment.status import LINE

log = logging.getLogger(__name__)

Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")

LMS_FULFILLMENT_STATE_PATH = "/api/pending_enrollments/v1/fulfillment/"


class CompletedLinesModule(BaseFulfillmentModule):
    """
    Claims the Complete lines Otto offers again, so that no module fulfils them twice.
    """

    def supports_line(self, line):
        # Never a refund's module: the line's own module revokes it.
        return False

    def get_supported_lines(self, lines):
        lines = list(lines)
        rows = Line.objects.filter(id__in=[line.id for line in lines])
        if connection.in_atomic_block:
            # Otto's order API fulfils inside a transaction: a concurrent fulfilment of the same
            # order waits here, then reads the statuses the first one committed.
            rows = rows.select_for_update()
        statuses = dict(rows.values_list("id", "status"))
        for line in lines:
            line.status = statuses.get(line.id, line.status)
        return [line for line in lines if line.status == LINE.COMPLETE]

    def fulfill_product(self, order, lines, email_opt_in=False):
        if lines:
            log.info("Order %s: lines %s are already Complete; not fulfilled again.", order.number,
                     ", ".join(str(line.id) for line in lines))
        return order, lines

    def revoke_line(self, line):
        return True


class _PluginModule(BaseFulfillmentModule):
    """
    One of the plugin's modules (``plugin_module``: ``LineOutcome`` per line) in Otto's interface.
    """

    plugin_module = None

    def _module(self):
        return import_string(self.plugin_module)()

    def supports_line(self, line):
        return line.product is not None and self._module().supports_line(line)

    def get_supported_lines(self, lines):
        return [line for line in lines if self.supports_line(line)]

    def fulfill_product(self, order, lines, email_opt_in=False):
        module = self._module()
        for line in lines:
            if line.status == LINE.COMPLETE:
                continue
            outcome = module.fulfill_product(order, [line], email_opt_in=email_opt_in).get(line.id)
            if outcome is not None and outcome.succeeded:
                line.set_status(LINE.COMPLETE)
                continue
            kind = outcome.error_kind if outcome is not None else errors.CONFIGURATION
            detail = outcome.detail if outcome is not None else f"{type(module).__name__} returned no outcome."
            status = errors.LINE_STATUS_FOR_KIND[kind]
            OrderNote.objects.create(order=order, note_type="Error", message=f"Line {line.id}: {detail}"[:2000])
            if status in line.available_statuses():
                line.set_status(status)
        return order, lines

    def revoke_line(self, line):
        return bool(self._module().revoke_line(line))


class RegistrationCodesModule(_PluginModule):
    """
    Lines of the plugin's ``Registration Codes`` product: the buyer gets one code per unit.
    """

    plugin_module = "ecommerce_plugin.registration_codes.fulfillment.RegistrationCodesFulfillmentModule"


class CcxPurchaseModule(_PluginModule):
    """
    CCX lines: the purchase is recorded and the LMS CCX follows through the plugin's own task.
    """

    plugin_module = "ecommerce_plugin.ccx_purchases.fulfillment.CcxPurchaseFulfillmentModule"


def register_pending(order, lines):
    """
    Tell the LMS the buyer's seats in ``lines`` are pending (``state: pending``), before they are
    enrolled. Returns True when the LMS recorded them. Never raises: a failure here must not keep
    a paid seat from being enrolled; it is logged and the receipt's hand-off still works.
    """
    enrollments = []
    for line in lines:
        seat = seat_for_product(line.product) if line.product is not None else None
        if seat is not None:
            enrollments.append({"course_id": seat.course_key, "mode": mode_for_seat(seat)})
    if not enrollments or order.user is None:
        return False
    try:
        response = lms_client().post(
            platform.lms_url(LMS_FULFILLMENT_STATE_PATH),
            json={"username": order.user.username, "order_number": order.number, "state": "pending",
                  "enrollments": enrollments},
        )
    except requests.RequestException as exc:
        log.warning("Order %s: the LMS was not told the seats are pending: %s", order.number, exc)
        return False
    if response.status_code != 200:
        log.warning("Order %s: the LMS refused the pending seats (%s): %s", order.number, response.status_code,
                    response.text[:300])
        return False
    return True


class EnrollmentFulfillmentModule(platform.otto_enrollment_fulfillment_module()):
    """
    Otto's seat module, which first registers the seats as pending with the LMS.
    """

    def fulfill_product(self, order, lines, email_opt_in=False):
        lines = [line for line in lines if line.status != LINE.COMPLETE]
        if lines:
            register_pending(order, lines)
        return super().fulfill_product(order, lines, email_opt_in=email_opt_in)
