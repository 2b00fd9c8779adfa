"""
Finance and support look up which token discounted which order here (read-only).
"""
from django.contrib import admin

from ecommerce_plugin.discounts.models import DiscountRedemption


@admin.register(DiscountRedemption)
class DiscountRedemptionAdmin(admin.ModelAdmin):
    list_display = ("jti", "order", "basket_id", "username", "course_key", "percent", "created")
    search_fields = ("jti", "username", "course_key", "order__number")
    readonly_fields = [field.name for field in DiscountRedemption._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
