"""
Staff: the orders whose fulfillment failed, each with the error of every line, and the two
answers to a failure: retry the failed lines, or refund them.
"""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from ecommerce_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin
from ecommerce_plugin.fulfillment import api
from ecommerce_plugin.fulfillment.models import FailedFulfillmentOrder, LineFulfillment
from ecommerce_plugin.fulfillment.status import ORDER

Line = get_model("order", "Line")
# Retrying or refunding changes an order: staff who may change orders may do it.
CHANGE_ORDER = "order.change_order"


def _report(modeladmin, request, results, done):
    succeeded = [result.order_number for result in results if result.error_code is None]
    skipped = [f"{result.order_number} ({result.error_code})" for result in results if result.error_code]
    if succeeded:
        modeladmin.message_user(request, f"{done} {len(succeeded)} order(s): {', '.join(succeeded)}.")
    if skipped:
        modeladmin.message_user(request, f"Not done: {', '.join(skipped)}.", level=messages.WARNING)


@admin.action(description=_("Retry fulfillment of the selected orders"), permissions=["order_change"])
def retry_fulfillment(modeladmin, request, queryset):
    numbers = list(queryset.values_list("number", flat=True))
    results = api.retry_fulfillment(numbers, requested_by=request.user)
    _report(modeladmin, request, results, "Fulfillment queued again for")


@admin.action(description=_("Refund the failed lines of the selected orders"), permissions=["order_change"])
def refund_failed_lines(modeladmin, request, queryset):
    numbers = list(queryset.values_list("number", flat=True))
    results = api.refund_failed_lines(numbers, requested_by=request.user)
    _report(modeladmin, request, results, "Refunded the failed lines of")


class LineErrorInline(admin.TabularInline):
    """Every line of the order: its status, attempts and the last error the LMS gave."""

    model = Line
    fk_name = "order"
    fields = readonly_fields = ("title", "quantity", "line_price_incl_tax", "status", "attempts", "last_error")
    extra = max_num = 0
    can_delete = False
    verbose_name_plural = _("lines and their errors")

    @admin.display(description=_("attempts"))
    def attempts(self, line):
        record = getattr(line, "fulfillment", None)
        return record.attempts if record else 0

    @admin.display(description=_("last error"))
    def last_error(self, line):
        record = getattr(line, "fulfillment", None)
        return f"{record.last_error_kind}: {record.last_error}" if record and record.last_error_kind else ""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("fulfillment")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(FailedFulfillmentOrder)
class FailedFulfillmentOrderAdmin(MachineOwnedFieldsAdmin):
    machine_owned_fields = ALL
    list_display = ("number", "user", "status", "date_placed", "line_errors")
    search_fields = ("number", "user__username", "user__email")
    actions = [retry_fulfillment, refund_failed_lines]
    list_select_related = ("user",)
    fields = readonly_fields = ("number", "user", "status", "date_placed", "total_incl_tax", "currency")
    inlines = [LineErrorInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=ORDER.FULFILLMENT_ERROR).prefetch_related(
            "lines__fulfillment"
        )

    @admin.display(description=_("line errors"))
    def line_errors(self, order):
        parts = []
        for line in order.lines.all():
            record = getattr(line, "fulfillment", None)
            if record is not None and record.last_error_kind:
                parts.append(f"{line.status}: {record.last_error}")
        return "; ".join(parts)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/retry/", self.admin_site.admin_view(self.retry_view), name=f"{name}_retry"),
            path("<path:object_id>/refund/", self.admin_site.admin_view(self.refund_view), name=f"{name}_refund"),
            *super().get_urls(),
        ]

    def _act(self, request, object_id, action, done):
        if not self.has_order_change_permission(request):
            raise PermissionDenied
        order = self.get_object(request, object_id)
        if order is not None:
            _report(self, request, action([order.number], requested_by=request.user), done)
        else:
            self.message_user(request, "That order is no longer in Fulfillment Error.", level=messages.WARNING)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"))

    def retry_view(self, request, object_id):
        return require_POST(lambda req: self._act(req, object_id, api.retry_fulfillment,
                                                  "Fulfillment queued again for"))(request)

    def refund_view(self, request, object_id):
        return require_POST(lambda req: self._act(req, object_id, api.refund_failed_lines,
                                                  "Refunded the failed lines of"))(request)

    def has_order_change_permission(self, request):
        return request.user.has_perm(CHANGE_ORDER)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(CHANGE_ORDER) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LineFulfillment)
class LineFulfillmentAdmin(MachineOwnedFieldsAdmin):
    """
    What fulfillment recorded per line (attempts, last error, completion): read-only; a failed
    order is retried or refunded from "Failed fulfillments", through the fulfillment API.
    """

    machine_owned_fields = ALL
    list_display = ("line", "attempts", "last_error_kind", "completed_at", "modified")
    list_filter = ("last_error_kind",)
    search_fields = ("=line__id", "line__order__number")

    def has_change_permission(self, request, obj=None):
        return False
