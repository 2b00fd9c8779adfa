"""
Finance roles (granted here, with a change history) and the LMS's course facts (read-only, a
copy only ``sync_course_facts`` writes; the action asks the LMS again).
"""
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from ecommerce_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin, validated_course_key
from ecommerce_plugin.finance import api
from ecommerce_plugin.finance.models import CourseFacts, CourseRole
from ecommerce_plugin.transactions import on_commit_robust


class CourseRoleForm(forms.ModelForm):
    class Meta:
        model = CourseRole
        fields = ("user", "course_key", "role")

    def clean_course_key(self):
        key = validated_course_key(self.cleaned_data["course_key"])
        if not api.sells_course(key):
            raise ValidationError(
                _("The shop sells no seats of %(course_key)s: check the key (a role on it would grant nothing).")
                % {"course_key": key},
                code="course_not_sold",
            )
        return key


def _user_admin_searches(site):
    user_admin = site._registry.get(get_user_model())  # noqa: SLF001  (the host's registration)
    return bool(user_admin and user_admin.get_search_fields(None))


@admin.register(CourseRole)
class CourseRoleAdmin(MachineOwnedFieldsAdmin, SimpleHistoryAdmin):
    """
    Where finance admins (and extra course staff) are granted: the user is picked by searching
    their username or email, the course key must be one the shop sells. Rows copied from the LMS
    (``source`` lms) are replaced at each sync: read-only here.
    """

    form = CourseRoleForm
    machine_owned_fields = ("source", "created")
    list_display = ("user", "course_key", "role", "source", "created")
    list_filter = ("role", "source")
    search_fields = ("user__username", "user__email", "course_key")
    list_select_related = ("user",)
    raw_id_fields = ("user",)

    def get_autocomplete_fields(self, request):
        return ("user",) if _user_admin_searches(self.admin_site) else ()

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.source == CourseRole.SOURCE_LMS:
            return [field.name for field in CourseRole._meta.fields]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.source == CourseRole.SOURCE_LMS:
            return False
        return super().has_delete_permission(request, obj)


@admin.action(description=_("Ask the LMS again (sync the selected courses)"))
def sync_from_the_lms(modeladmin, request, queryset):
    from ecommerce_plugin.finance.tasks import sync_course_facts  # noqa: PLC0415

    keys = list(queryset.values_list("course_key", flat=True))
    for key in keys:
        on_commit_robust(lambda key=key: sync_course_facts.delay(key))
    modeladmin.message_user(
        request,
        ngettext("Sync queued for %(count)d course.", "Sync queued for %(count)d courses.", len(keys))
        % {"count": len(keys)},
        messages.SUCCESS,
    )


@admin.register(CourseFacts)
class CourseFactsAdmin(MachineOwnedFieldsAdmin):
    machine_owned_fields = ALL
    list_display = ("course_key", "course_title", "enrollment_end", "max_student_enrollments_allowed",
                    "students_enrolled", "staff_enrolled", "synced_at")
    search_fields = ("course_key", "course_title")
    actions = [sync_from_the_lms]

    def has_change_permission(self, request, obj=None):
        return False
