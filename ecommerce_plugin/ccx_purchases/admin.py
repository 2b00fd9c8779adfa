"""
Staff views: CCX courses and their module prices; purchases with their LMS sync state and a retry.
"""
from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from ecommerce_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin, validated_course_key
from ecommerce_plugin.ccx_purchases import api
from ecommerce_plugin.ccx_purchases.models import CcxCourse, CcxCourseModule, CcxPurchase, CcxPurchaseChange


class CcxCourseModuleInline(admin.TabularInline):
    model = CcxCourseModule
    extra = 0


class CcxCourseForm(forms.ModelForm):
    def clean_master_course_key(self):
        return validated_course_key(self.cleaned_data["master_course_key"])


@admin.register(CcxCourse)
class CcxCourseAdmin(MachineOwnedFieldsAdmin):
    """
    The sale side of a master course: operators set its product, currency and module prices; the
    key is checked (a typo is refused) and fixed once the course is saved.
    """

    form = CcxCourseForm
    machine_owned_fields = ()

    def get_readonly_fields(self, request, obj=None):
        fixed = ["master_course_key"] if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *fixed]
    list_display = ("master_course_key", "product", "partner", "currency")
    search_fields = ("master_course_key",)
    raw_id_fields = ("product",)
    inlines = [CcxCourseModuleInline]


class CcxPurchaseChangeInline(admin.TabularInline):
    model = CcxPurchaseChange
    extra = 0
    can_delete = False
    readonly_fields = ("order_number", "kind", "version", "modules", "seats", "amount", "created")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CcxPurchase)
class CcxPurchaseAdmin(MachineOwnedFieldsAdmin):
    list_display = (
        "external_id", "user", "course", "seats", "amount_paid", "version", "synced_version", "sync_state",
        "ccx_course_id", "sync_error", "last_synced_at",
    )
    list_filter = ("sync_state", "course")
    search_fields = ("external_id", "user__username", "user__email", "ccx_course_id")
    list_select_related = ("user", "course")
    # Purchases change only through paid orders; staff read them and retry the LMS sync.
    machine_owned_fields = ALL
    inlines = [CcxPurchaseChangeInline]
    actions = ["retry_lms_sync"]

    @admin.action(description=_("Retry the LMS sync of the selected purchases"))
    def retry_lms_sync(self, request, queryset):
        count = 0
        for external_id in queryset.values_list("external_id", flat=True):
            api.request_sync(external_id)
            count += 1
        self.message_user(request, f"LMS sync queued for {count} purchase(s).", messages.SUCCESS)
