"""
Replica of openedx-platform ``openedx/core/djangoapps/content/course_overviews/apps.py``.
"""
from django.apps import AppConfig


class CourseOverviewsConfig(AppConfig):
    name = "openedx.core.djangoapps.content.course_overviews"
    label = "course_overviews"
    verbose_name = "Course Overviews"
