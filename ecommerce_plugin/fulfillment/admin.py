"""
Staff: the orders whose fulfillment failed, with the error of each line, and a retry action.
"""
from django.contrib import admin, messages

from ecommerce_plugin.fulfillment import api
from ecommerce_plugin.fulfillment.models import FailedFulfillmentOrder, LineFulfillment
from ecommerce_plugin.fulfillment.status import ORDER


@admin.action(description="Retry fulfillment of the selected orders")
def retry_fulfillment(modeladmin, request, queryset):
    results = api.retry_fulfillment(list(queryset.values_list("number", flat=True)), requested_by=request.user)
    retried = [result.order_number for result in results if result.error_code is None]
    skipped = [f"{result.order_number} ({result.error_code})" for result in results if result.error_code]
    if retried:
        modeladmin.message_user(request, f"Fulfillment queued again for {len(retried)} order(s): {', '.join(retried)}.")
    if skipped:
        modeladmin.message_user(request, f"Not retried: {', '.join(skipped)}.", level=messages.WARNING)


@admin.register(FailedFulfillmentOrder)
class FailedFulfillmentOrderAdmin(admin.ModelAdmin):
    list_display = ("number", "user", "status", "date_placed", "line_errors")
    search_fields = ("number", "user__username", "user__email")
    actions = [retry_fulfillment]
    list_select_related = ("user",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=ORDER.FULFILLMENT_ERROR).prefetch_related(
            "lines__fulfillment"
        )

    @admin.display(description="line errors")
    def line_errors(self, order):
        parts = []
        for line in order.lines.all():
            record = getattr(line, "fulfillment", None)
            if record is not None and record.last_error_kind:
                parts.append(f"{line.status}: {record.last_error}")
        return "; ".join(parts)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LineFulfillment)
class LineFulfillmentAdmin(admin.ModelAdmin):
    list_display = ("line", "attempts", "last_error_kind", "completed_at", "modified")
    list_filter = ("last_error_kind",)
    readonly_fields = ("line", "attempts", "last_error_kind", "last_error", "completed_at", "modified")
