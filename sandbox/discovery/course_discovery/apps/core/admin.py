"""
Replica of course-discovery ``course_discovery/apps/core/admin.py`` (subset).
"""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from course_discovery.apps.core.models import Currency, Partner, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "full_name", "is_staff")
    search_fields = ("username", "email", "full_name")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("Discovery", {"fields": ("full_name", "referral_tracking_id")}),
    )


@admin.register(Currency)
class CurrencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("name", "short_code", "site", "lms_url", "ecommerce_api_url")
    search_fields = ("name", "short_code")
