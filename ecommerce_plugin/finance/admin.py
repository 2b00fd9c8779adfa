from django.contrib import admin

from ecommerce_plugin.finance.models import CourseFacts, CourseRole


@admin.register(CourseRole)
class CourseRoleAdmin(admin.ModelAdmin):
    """
    Where finance admins (and extra course staff) are granted. Rows synced from the LMS are
    replaced at each sync; add ``admin`` rows here.
    """

    list_display = ("user", "course_key", "role", "source", "created")
    list_filter = ("role", "source")
    search_fields = ("user__username", "user__email", "course_key")
    raw_id_fields = ("user",)


@admin.register(CourseFacts)
class CourseFactsAdmin(admin.ModelAdmin):
    list_display = ("course_key", "enrollment_end", "max_student_enrollments_allowed", "students_enrolled",
                    "staff_enrolled", "synced_at")
    search_fields = ("course_key",)
    readonly_fields = [field.name for field in CourseFacts._meta.fields]
