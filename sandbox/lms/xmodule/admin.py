"""
Sandbox stand-in (not a replica): admin of the modulestore stand-in's course structures.
"""
from django.contrib import admin

from xmodule.models import SandboxCourseStructure


@admin.register(SandboxCourseStructure)
class SandboxCourseStructureAdmin(admin.ModelAdmin):
    list_display = ("course_id", "enable_ccx")
