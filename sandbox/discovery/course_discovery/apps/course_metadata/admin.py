"""
Replica of course-discovery ``course_discovery/apps/course_metadata/admin.py`` (subset): browse the catalog.

Checked against openedx/course-discovery e519c2834f2dcd89cda9b82656ac99369eb9ca1b: the type
admins (``ModeAdmin``, ``TrackAdmin``, ``CourseRunTypeAdmin``, ``CourseTypeAdmin`` with its
``CourseTypeAdminForm``) are upstream's; the course and run admins are trimmed.
"""
from django.contrib import admin
from django.forms import ModelForm

from course_discovery.apps.course_metadata.models import (
    Course,
    CourseEntitlement,
    CourseRun,
    CourseRunType,
    CourseType,
    Mode,
    Organization,
    Seat,
    SeatType,
    Track,
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


@admin.register(Mode)
class ModeAdmin(admin.ModelAdmin):
    list_display = ["slug", "name"]


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["mode", "seat_type"]
    list_select_related = ["seat_type", "mode"]


@admin.register(CourseRunType)
class CourseRunTypeAdmin(admin.ModelAdmin):
    list_display = ["uuid", "name"]
    search_fields = ["uuid", "name"]


class CourseTypeAdminForm(ModelForm):
    class Meta:
        model = CourseType
        fields = "__all__"  # noqa: DJ007  (upstream's form)


@admin.register(CourseType)
class CourseTypeAdmin(admin.ModelAdmin):
    list_display = ["uuid", "name"]
    search_fields = ["uuid", "name"]
    form = CourseTypeAdminForm
