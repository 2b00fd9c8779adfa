"""
Replica of openedx-platform ``common/djangoapps/course_modes/admin.py`` (a plain ModelAdmin; upstream adds a custom form).
"""
from django.contrib import admin

from common.djangoapps.course_modes.models import CourseMode


@admin.register(CourseMode)
class CourseModeAdmin(admin.ModelAdmin):
    list_display = ("id", "course", "mode_slug", "mode_display_name", "min_price", "currency", "sku", "bulk_sku")
    list_filter = ("mode_slug",)
    search_fields = ("course__id", "mode_slug", "sku")
    raw_id_fields = ("course",)
