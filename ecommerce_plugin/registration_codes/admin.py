"""
Registration codes and redemptions, for support to look up: the code owns both.

A code's status moves only by the feature's rules (redeemed once by a conditional UPDATE,
released when the LMS refuses, voided with its invoice or refunded order line); a code typed in
by hand would be a seat nobody paid for. Both are read-only, with their change history; to void
codes, void their invoice (or refund their order line) on the course's e-commerce page.
"""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ecommerce_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin
from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode


@admin.register(RegistrationCode)
class RegistrationCodeAdmin(MachineOwnedFieldsAdmin, SimpleHistoryAdmin):
    machine_owned_fields = ALL
    list_display = ("code", "course_key", "status", "withdrawn", "redeemed_by", "redeemed_at", "order_line", "invoice")
    list_filter = ("status", "withdrawn")
    search_fields = ("code", "course_key", "redeemed_by__username", "redeemed_by__email", "invoice__reference")
    list_select_related = ("redeemed_by", "invoice")

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "title": _("Registration codes (void them with their invoice)")}
        return super().changelist_view(request, extra_context)


@admin.register(Redemption)
class RedemptionAdmin(MachineOwnedFieldsAdmin):
    machine_owned_fields = ALL
    list_display = ("code", "user", "status", "error", "created", "completed")
    list_filter = ("status",)
    search_fields = ("code__code", "user__username", "user__email")
    list_select_related = ("code", "user")
