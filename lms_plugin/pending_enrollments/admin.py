"""
Support: pending enrollments, with those older than the configured limit flagged and filterable.
"""
from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms_plugin.pending_enrollments.models import PendingEnrollment


def _cutoff():
    return timezone.now() - timedelta(seconds=settings.COMMERCE_PENDING_ENROLLMENT_STALE_AFTER)


class StaleFilter(admin.SimpleListFilter):
    title = "older than the limit"
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return (("yes", "Stale (fulfillment late)"), ("no", "Recent"))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(created__lt=_cutoff())
        if self.value() == "no":
            return queryset.filter(created__gte=_cutoff())
        return queryset


@admin.register(PendingEnrollment)
class PendingEnrollmentAdmin(admin.ModelAdmin):
    list_display = ("user", "course_id", "mode", "order_number", "created", "is_stale")
    list_filter = (StaleFilter, "mode")
    search_fields = ("user__username", "order_number", "course_id")
    list_select_related = ("user",)
    ordering = ("created",)
    readonly_fields = ("user", "course_id", "mode", "order_number", "created", "modified")

    @admin.display(boolean=True, description=_("stale"))
    def is_stale(self, obj):
        return obj.created < _cutoff()

    def has_add_permission(self, request):
        return False
