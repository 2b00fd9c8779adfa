"""
Replica of course-discovery ``course_discovery/apps/course_metadata/admin.py`` (subset): browse the catalog.
"""
from django.contrib import admin

from course_discovery.apps.course_metadata.models import (
    Course,
    CourseEntitlement,
    CourseRun,
    Organization,
    Seat,
    SeatType,
)


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0
    fields = ("type", "price", "currency", "sku", "credit_provider", "draft")


class CourseRunInline(admin.TabularInline):
    model = CourseRun
    extra = 0
    fields = ("key", "status", "start", "end", "pacing_type", "draft")
    show_change_link = True


class CourseEntitlementInline(admin.TabularInline):
    model = CourseEntitlement
    extra = 0
    fields = ("mode", "price", "currency", "sku", "partner", "draft")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("key", "name", "partner", "uuid")
    search_fields = ("key", "name", "uuid")


@admin.register(SeatType)
class SeatTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    readonly_fields = ("slug",)


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("key", "title", "partner", "draft", "uuid")
    list_filter = ("partner", "draft")
    search_fields = ("key", "title", "uuid")
    filter_horizontal = ("authoring_organizations",)
    raw_id_fields = ("draft_version",)
    inlines = [CourseRunInline, CourseEntitlementInline]


@admin.register(CourseRun)
class CourseRunAdmin(admin.ModelAdmin):
    list_display = ("key", "title", "status", "start", "end", "pacing_type", "draft")
    list_filter = ("status", "pacing_type", "draft")
    search_fields = ("key", "title_override", "course__title", "uuid")
    raw_id_fields = ("course", "draft_version")
    inlines = [SeatInline]


@admin.register(Seat)
class SeatAdmin(admin.ModelAdmin):
    list_display = ("course_run", "type", "price", "currency", "sku", "draft")
    list_filter = ("type", "draft")
    search_fields = ("course_run__key", "sku")
    raw_id_fields = ("course_run", "draft_version")


@admin.register(CourseEntitlement)
class CourseEntitlementAdmin(admin.ModelAdmin):
    list_display = ("course", "mode", "price", "currency", "sku", "partner", "draft")
    list_filter = ("mode", "draft")
    search_fields = ("course__key", "sku")
    raw_id_fields = ("course", "draft_version")
