"""
Replica of course-discovery ``course_discovery/apps/core/apps.py`` (subset).
"""
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "course_discovery.apps.core"
    label = "core"
    verbose_name = "Core"
