"""
Finance and support look up which token discounted which order here (read-only).
"""
from django.contrib import admin

from ecommerce_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin
from ecommerce_plugin.discounts.models import DiscountRedemption


@admin.register(DiscountRedemption)
class DiscountRedemptionAdmin(MachineOwnedFieldsAdmin):
    list_display = ("jti", "order", "basket_id", "username", "course_key", "percent", "created")
    search_fields = ("jti", "username", "course_key", "order__number")
    machine_owned_fields = ALL

    def has_change_permission(self, request, obj=None):
        return False
