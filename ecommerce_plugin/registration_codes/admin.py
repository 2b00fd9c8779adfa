from django.contrib import admin

from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode


@admin.register(RegistrationCode)
class RegistrationCodeAdmin(admin.ModelAdmin):
    list_display = ("code", "course_key", "status", "redeemed_by", "redeemed_at", "order_line", "invoice")
    list_filter = ("status",)
    search_fields = ("code", "course_key", "redeemed_by__username")
    raw_id_fields = ("order_line", "invoice", "redeemed_by")
    readonly_fields = ("code", "course_key", "seat_sku", "certificate_type", "unit_price", "created")


@admin.register(Redemption)
class RedemptionAdmin(admin.ModelAdmin):
    list_display = ("code", "user", "status", "created", "completed")
    list_filter = ("status",)
    raw_id_fields = ("code", "user")
