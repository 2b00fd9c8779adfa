"""
The course types feature of the discovery plugin.
"""
from django.apps import AppConfig


class CourseTypesConfig(AppConfig):
    """
    Mode, Track, CourseRunType, CourseType, and their attachment to the host's courses and runs.
    """

    name = "discovery_plugin.course_types"
    label = "commerce_course_types"
    verbose_name = "Course types"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Deletion and many-to-many guards; importing the module connects them.
        from discovery_plugin.course_types import handlers  # noqa: F401  pylint: disable=unused-import
