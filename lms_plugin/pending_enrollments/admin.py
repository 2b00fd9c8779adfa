"""
Support: pending enrollments, with those older than the configured limit flagged and filterable.

A pending enrollment is the fulfillment's record (written when an order is placed, cleared when
the enrollment becomes active): read-only here.
"""
from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from lms_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin
from lms_plugin.pending_enrollments.models import PendingEnrollment


def _cutoff():
    return timezone.now() - timedelta(seconds=settings.COMMERCE_PENDING_ENROLLMENT_STALE_AFTER)


class StaleFilter(admin.SimpleListFilter):
    title = _("fulfillment")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return (("yes", _("Late (older than the limit)")), ("no", _("On time")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(created__lt=_cutoff())
        if self.value() == "no":
            return queryset.filter(created__gte=_cutoff())
        return queryset


@admin.register(PendingEnrollment)
class PendingEnrollmentAdmin(MachineOwnedFieldsAdmin):
    machine_owned_fields = ALL
    list_display = ("user", "course_id", "mode", "order_number", "created", "fulfillment")
    list_filter = (StaleFilter, "mode")
    search_fields = ("user__username", "order_number", "course_id")
    list_select_related = ("user",)
    ordering = ("created",)

    @admin.display(description=_("fulfillment"), ordering="created")
    def fulfillment(self, obj):
        """Words, not a tick: a late row is a problem, and a green tick would say the opposite."""
        if obj.created < _cutoff():
            return format_html('<strong class="commerce-stale" style="color: #ba2121">{}</strong>',
                               _("Late: older than the limit"))
        return _("On time")
