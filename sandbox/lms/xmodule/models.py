"""
Sandbox stand-in for the course content of openedx-platform ``xmodule/modulestore/django.py`` (no upstream model exists).
"""
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField


class SandboxCourseStructure(models.Model):
    """
    The part of a course's content the sandbox modulestore serves: its chapters and the CCX switch.

    ``chapters`` is a list of ``{"usage_key": str, "display_name": str}`` in course order.

    .. no_pii:
    """

    course_id = CourseKeyField(max_length=255, unique=True)
    enable_ccx = models.BooleanField(default=False)
    chapters = models.JSONField(default=list, blank=True)

    def __str__(self):
        return f"Structure of {self.course_id}"
