"""
Admin: find a CCX by the id a client gave it, and see the async jobs.
"""
from django.contrib import admin

from .models import CcxExternalId, CcxJob


@admin.register(CcxExternalId)
class CcxExternalIdAdmin(admin.ModelAdmin):
    list_display = ("external_id", "ccx", "created", "modified")
    search_fields = ("external_id", "=ccx__id", "ccx__display_name", "ccx__course_id")
    raw_id_fields = ("ccx",)
    readonly_fields = ("created", "modified")


@admin.register(CcxJob)
class CcxJobAdmin(admin.ModelAdmin):
    list_display = ("job_id", "kind", "status", "target", "ccx", "error_code", "created", "finished")
    list_filter = ("status", "kind")
    search_fields = ("=job_id", "target", "error_code")
    raw_id_fields = ("creator", "ccx")
    readonly_fields = ("job_id", "created", "modified", "finished", "attempts")
