"""
Replica of course-discovery ``course_discovery/apps/course_metadata/apps.py`` (subset).
"""
from django.apps import AppConfig


class CourseMetadataConfig(AppConfig):
    name = "course_discovery.apps.course_metadata"
    label = "course_metadata"
    verbose_name = "Course Metadata"
