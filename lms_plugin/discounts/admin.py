"""
Operators edit restrictions and percentages per site, org and course run here.
"""
from django.contrib import admin

from lms_plugin.discounts.models import DiscountPercentageConfig, DiscountRestrictionConfig


@admin.register(DiscountRestrictionConfig)
class DiscountRestrictionConfigAdmin(admin.ModelAdmin):
    list_display = ("scope", "scope_value", "disabled", "changed")
    list_filter = ("scope", "disabled")
    search_fields = ("scope_value",)


@admin.register(DiscountPercentageConfig)
class DiscountPercentageConfigAdmin(admin.ModelAdmin):
    list_display = ("scope", "scope_value", "percentage", "changed")
    list_filter = ("scope",)
    search_fields = ("scope_value",)
