"""
Operators edit restrictions and percentages per site, org and course run here, with the change
history of every row (who changed what, when). A course row's key must be a course the LMS has.
"""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lms_plugin.admin_rules import MachineOwnedFieldsAdmin
from lms_plugin.discounts.models import DiscountPercentageConfig, DiscountRestrictionConfig


@admin.register(DiscountRestrictionConfig)
class DiscountRestrictionConfigAdmin(MachineOwnedFieldsAdmin, SimpleHistoryAdmin):
    machine_owned_fields = ("changed",)
    list_display = ("scope", "scope_value", "disabled", "changed")
    list_filter = ("scope", "disabled")
    search_fields = ("scope_value",)


@admin.register(DiscountPercentageConfig)
class DiscountPercentageConfigAdmin(MachineOwnedFieldsAdmin, SimpleHistoryAdmin):
    machine_owned_fields = ("changed",)
    list_display = ("scope", "scope_value", "percentage", "changed")
    list_filter = ("scope",)
    search_fields = ("scope_value",)
