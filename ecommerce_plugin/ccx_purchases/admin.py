"""
Staff views: CCX courses and their module prices; purchases with their LMS sync state and a retry.
"""
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from ecommerce_plugin.ccx_purchases import api
from ecommerce_plugin.ccx_purchases.models import CcxCourse, CcxCourseModule, CcxPurchase, CcxPurchaseChange


class CcxCourseModuleInline(admin.TabularInline):
    model = CcxCourseModule
    extra = 0


@admin.register(CcxCourse)
class CcxCourseAdmin(admin.ModelAdmin):
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
class CcxPurchaseAdmin(admin.ModelAdmin):
    list_display = (
        "external_id", "user", "course", "seats", "amount_paid", "version", "synced_version", "sync_state",
        "ccx_course_id", "sync_error", "last_synced_at",
    )
    list_filter = ("sync_state", "course")
    search_fields = ("external_id", "user__username", "user__email", "ccx_course_id")
    list_select_related = ("user", "course")
    # Purchases change only through paid orders; staff read them and retry the LMS sync.
    readonly_fields = [f.name for f in CcxPurchase._meta.fields]
    inlines = [CcxPurchaseChangeInline]
    actions = ["retry_lms_sync"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Retry the LMS sync of the selected purchases"))
    def retry_lms_sync(self, request, queryset):
        count = 0
        for external_id in queryset.values_list("external_id", flat=True):
            api.request_sync(external_id)
            count += 1
        self.message_user(request, f"LMS sync queued for {count} purchase(s).", messages.SUCCESS)
