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
  the only module that supports a seat line, so Otto's refund revokes a seat once. It also counts
  each seat line's attempts (the plugin's ``LineFulfillment``) and, when an attempt that failed is
  the last one anybody will make, tells staff and the LMS (``state: failed``) as the stock shop does.

When is an attempt the last? Otto marks the order Fulfillment Error at every failed attempt and
never says whether ecommerce-worker will try again. The plugin decides from the request the
attempt runs in: Otto's order API (``api:v2:order-fulfill``), which only ecommerce-worker calls
and which it calls again after a failure up to its ``MAX_FULFILLMENT_RETRIES``
(``COMMERCE_OTTO_WORKER_MAX_FULFILLMENT_RETRIES``) times; anything else (the checkout request with
the sample off, an in-process staff retry, a command) is retried by nobody.
"""
import logging

import crum
import requests
from django.conf import settings
from django.db import connection
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.module_loading import import_string
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.fulfillment import alerts, errors
from ecommerce_plugin.fulfillment.models import LineFulfillment
from ecommerce_plugin.fulfillment.modules import BaseFulfillmentModule, lms_client, mode_for_seat
from ecommerce_plugin.fulfillment.status import LINE, ORDER
from ecommerce_plugin.transactions import on_commit_robust

log = logging.getLogger(__name__)

Line = get_model("order", "Line")
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")

LMS_FULFILLMENT_STATE_PATH = "/api/pending_enrollments/v1/fulfillment/"
# Otto's order fulfillment endpoint, ``api:v2:order-fulfill`` (ecommerce/extensions/api/v2/urls.py):
# the one ecommerce-worker's ``fulfill_order`` PUTs, and retries after a 500.
WORKER_FULFILL_URL_NAME = "order-fulfill"
WORKER_FULFILL_NAMESPACE = "v2"
KIND_FOR_STATUS = {status: kind for kind, status in errors.LINE_STATUS_FOR_KIND.items()}


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
            platform.lms_url(LMS_FULFILLMENT_STATE_PATH, site=getattr(order, "site", None)),
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
        try:
            return super().fulfill_product(order, lines, email_opt_in=email_opt_in)
        finally:
            if lines:
                record_attempt(order, lines)


def record_attempt(order, lines):
    """
    Count one attempt of each seat line (``LineFulfillment``, as on a stock shop) and, when one
    failed and nobody will try again, report the order after the commit (``report_failed``).
    """
    attempts = 0
    failed = []
    for line in lines:
        record, _created = LineFulfillment.objects.get_or_create(line=line)
        record.attempts += 1
        if line.status == LINE.COMPLETE:
            record.completed_at = timezone.now()
            record.last_error_kind = record.last_error = ""
        else:
            # Otto's module sets an error status; a line it raised on stays Open (Otto catches it).
            failed.append(line.id)
            attempts = max(attempts, record.attempts)
            record.last_error_kind = KIND_FOR_STATUS.get(line.status, errors.CONFIGURATION)
            record.last_error = f"{line.status} (Otto's enrollment module; Otto's log has the LMS's answer)"[:500]
        record.save()
    if not failed:
        return
    if worker_will_retry(attempts):
        log.info("Order %s: seat fulfilment attempt %s failed; ecommerce-worker will retry it.", order.number,
                 attempts)
        return
    number = order.number
    on_commit_robust(lambda: report_failed(number, failed))


def worker_will_retry(attempts):
    """
    True when the attempt running now is ecommerce-worker's (Otto's order API) and the worker
    retries after it: its attempts are its first try and ``MAX_FULFILLMENT_RETRIES`` retries.
    """
    request = crum.get_current_request()
    if request is None:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    if match.url_name != WORKER_FULFILL_URL_NAME or WORKER_FULFILL_NAMESPACE not in match.namespaces:
        return False
    return attempts <= int(settings.COMMERCE_OTTO_WORKER_MAX_FULFILLMENT_RETRIES)


def report_failed(order_number, line_ids=None):
    """
    After the commit of an order's last attempt: if Otto left it in Fulfillment Error, alert staff
    and tell the LMS its failed seats (``alerts.order_failed``, the stock shop's way). A staff retry
    reports them ``pending`` again and the enrollment clears them.
    """
    if Order.objects.filter(number=order_number, status=ORDER.FULFILLMENT_ERROR).exists():
        alerts.order_failed(order_number, line_ids=line_ids)
