"""
Admin for course admins: labelled types to pick, tracks in words, rule violations on the form.

Forms stage their many-to-many values on the instance (``proposed_m2m``) so the
model's ``clean()`` (which calls ``rules.py``) judges what is about to be saved; a
violation comes back as a form error, never a server error. Deleting a type in use
shows Django's "cannot delete" page with the reason.
"""
from django import forms
from django.contrib import admin

from discovery_plugin.course_types import api, rules
from discovery_plugin.course_types.models import (
    CourseRunType,
    CourseRunTypeAssignment,
    CourseType,
    CourseTypeAssignment,
    Mode,
    Track,
)


class TrackChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class RefuseDeletingTypesInUse:
    """
    Adds the rules' reasons to what the admin's delete confirmation lists as protected.
    """

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected)
        for obj in objs:
            protected.extend(violation.message for violation in rules.deletion_violations(obj))
        return to_delete, model_count, perms_needed, protected


class StageManyToMany(forms.ModelForm):
    """
    Puts the form's many-to-many values where the model's ``clean()`` looks for proposed values.
    """

    staged_fields = ()

    def clean(self):
        cleaned = super().clean()
        self.instance.proposed_m2m = {name: cleaned.get(name) or [] for name in self.staged_fields}
        return cleaned


@admin.register(Mode)
class ModeAdmin(RefuseDeletingTypesInUse, admin.ModelAdmin):
    list_display = ("name", "slug", "is_id_verified", "is_credit_eligible", "certificate_type", "payee")
    search_fields = ("name", "slug")


@admin.register(Track)
class TrackAdmin(RefuseDeletingTypesInUse, admin.ModelAdmin):
    list_display = ("label", "mode", "seat_type")
    list_select_related = ("mode", "seat_type")
    list_filter = ("mode",)

    @admin.display(description="track")
    def label(self, obj):
        return obj.label


class CourseRunTypeForm(StageManyToMany):
    staged_fields = ("tracks",)
    tracks = TrackChoiceField(
        queryset=Track.objects.select_related("mode", "seat_type"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="A professional track must stand alone.",
    )

    class Meta:
        model = CourseRunType
        fields = ("name", "slug", "tracks", "is_marketable")


@admin.register(CourseRunType)
class CourseRunTypeAdmin(RefuseDeletingTypesInUse, admin.ModelAdmin):
    form = CourseRunTypeForm
    list_display = ("name", "slug", "tracks_in_words", "is_marketable")
    search_fields = ("name", "slug")
    readonly_fields = ("uuid",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tracks__mode", "tracks__seat_type")

    @admin.display(description="tracks")
    def tracks_in_words(self, obj):
        return "; ".join(track.label for track in obj.tracks.all()) or "(none)"


class CourseTypeForm(StageManyToMany):
    staged_fields = ("course_run_types", "entitlement_types")

    class Meta:
        model = CourseType
        fields = ("name", "slug", "course_run_types", "entitlement_types")
        widgets = {
            "course_run_types": forms.CheckboxSelectMultiple,
            "entitlement_types": forms.CheckboxSelectMultiple,
        }


@admin.register(CourseType)
class CourseTypeAdmin(RefuseDeletingTypesInUse, admin.ModelAdmin):
    form = CourseTypeForm
    list_display = ("name", "slug", "run_types_in_words", "entitlements_in_words")
    search_fields = ("name", "slug")
    readonly_fields = ("uuid",)
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("course_run_types", "entitlement_types")

    @admin.display(description="allowed run types")
    def run_types_in_words(self, obj):
        return ", ".join(run_type.name for run_type in obj.course_run_types.all())

    @admin.display(description="entitlements")
    def entitlements_in_words(self, obj):
        return ", ".join(seat_type.name for seat_type in obj.entitlement_types.all()) or "(none)"


@admin.register(CourseTypeAssignment)
class CourseTypeAssignmentAdmin(admin.ModelAdmin):
    list_display = ("course", "course_type")
    list_select_related = ("course", "course_type")
    list_filter = ("course_type",)
    search_fields = ("course__key", "course__title")
    autocomplete_fields = ("course",)
    readonly_fields = ("entitlements_needed",)

    @admin.display(description="entitlements this course needs")
    def entitlements_needed(self, obj):
        if not obj.pk:
            return "-"
        return ", ".join(api.course_requirements(obj.course.key).entitlement_seat_types) or "(none)"


@admin.register(CourseRunTypeAssignment)
class CourseRunTypeAssignmentAdmin(admin.ModelAdmin):
    list_display = ("course_run", "course_run_type")
    list_select_related = ("course_run", "course_run_type")
    list_filter = ("course_run_type",)
    search_fields = ("course_run__key",)
    autocomplete_fields = ("course_run",)
    readonly_fields = ("lms_modes", "ecommerce_seats")

    @admin.display(description="LMS modes this run must have")
    def lms_modes(self, obj):
        return ", ".join(api.course_run_requirements(obj.course_run.key).lms_modes) if obj.pk else "-"

    @admin.display(description="ecommerce seats this run must have")
    def ecommerce_seats(self, obj):
        return ", ".join(api.course_run_requirements(obj.course_run.key).seat_types) or "(none)" if obj.pk else "-"
