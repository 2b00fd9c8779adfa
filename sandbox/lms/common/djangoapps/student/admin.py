"""
Replica of openedx-platform ``common/djangoapps/student/admin.py`` (plain ModelAdmins for the replicated models).
"""
from django.contrib import admin

from common.djangoapps.student.models import CourseAccessRole, CourseEnrollment, CourseEnrollmentAllowed, UserProfile


@admin.register(CourseEnrollment)
class CourseEnrollmentAdmin(admin.ModelAdmin):
    list_display = ("id", "course_id", "mode", "user", "is_active")
    list_filter = ("mode", "is_active")
    raw_id_fields = ("user", "course")
    search_fields = ("course__id", "mode", "user__username")


@admin.register(CourseAccessRole)
class CourseAccessRoleAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "org", "course_id", "role")
    raw_id_fields = ("user",)


@admin.register(CourseEnrollmentAllowed)
class CourseEnrollmentAllowedAdmin(admin.ModelAdmin):
    list_display = ("email", "course_id", "auto_enroll", "user")
    raw_id_fields = ("user",)


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "name")
    raw_id_fields = ("user",)
