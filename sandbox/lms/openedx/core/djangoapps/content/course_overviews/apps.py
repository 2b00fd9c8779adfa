"""
Replica of openedx-platform ``openedx/core/djangoapps/content/course_overviews/apps.py``.
"""
from django.apps import AppConfig


class CourseOverviewsConfig(AppConfig):
    name = "openedx.core.djangoapps.content.course_overviews"
    label = "course_overviews"
    verbose_name = "Course Overviews"

    def ready(self):
        # Connect the course_published receiver, as upstream's app config does.
        from . import signals  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
