"""
Admin: find a CCX by the id a client gave it, and see the async jobs.

Both are the API's records: an external id is given by the client that created the CCX (and is
how its create-or-update finds it again), a job's state is written by its task. Read-only; a CCX
is changed or deleted through the CCX API, which keeps the id and the CCX together.
"""
from django.contrib import admin

from lms_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin

from .models import CcxExternalId, CcxJob


@admin.register(CcxExternalId)
class CcxExternalIdAdmin(MachineOwnedFieldsAdmin):
    machine_owned_fields = ALL
    list_display = ("external_id", "ccx", "created", "modified")
    search_fields = ("external_id", "=ccx__id", "ccx__display_name", "ccx__course_id")

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CcxJob)
class CcxJobAdmin(MachineOwnedFieldsAdmin):
    machine_owned_fields = ALL
    list_display = ("job_id", "kind", "status", "target", "ccx", "error_code", "created", "finished")
    list_filter = ("status", "kind")
    search_fields = ("=job_id", "target", "error_code", "creator__username")

    def has_change_permission(self, request, obj=None):
        return False
