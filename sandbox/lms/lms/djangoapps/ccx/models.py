"""
Replica of openedx-platform ``lms/djangoapps/ccx/models.py`` (``CustomCourseForEdX`` and ``CcxFieldOverride``).

``course`` and the override-backed properties are ``functools.cached_property``
where upstream uses ``lazy``; the datetime text helpers (i18n runtime) are omitted.
"""
import json
import logging
from datetime import UTC, datetime
from functools import cached_property

from ccx_keys.locator import CCXLocator
from django.contrib.auth.models import User  # pylint: disable=imported-auth-user
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField
from xmodule.modulestore.django import modulestore

log = logging.getLogger("edx.ccx")


class CustomCourseForEdX(models.Model):
    """
    A Custom Course.

    .. no_pii:
    """

    course_id = CourseKeyField(max_length=255, db_index=True)
    display_name = models.CharField(max_length=255)
    coach = models.ForeignKey(User, db_index=True, on_delete=models.CASCADE)
    # if not empty, this field contains a json serialized list of
    # the master course modules
    structure_json = models.TextField(verbose_name="Structure JSON", blank=True, null=True)

    class Meta:
        app_label = "ccx"

    def __str__(self):
        return self.display_name

    @cached_property
    def course(self):
        """Return the course block (here: the modulestore stand-in's course) of the master course."""
        store = modulestore()
        with store.bulk_operations(self.course_id):
            course = store.get_course(self.course_id)
            if course is None:
                log.error("CCX %s from non-existent course %s", self.display_name, self.course_id)
            return course

    @cached_property
    def start(self):
        """Get the value of the override of the 'start' datetime for this CCX."""
        # avoid circular import problems
        from .overrides import get_override_for_ccx  # pylint: disable=import-outside-toplevel

        return get_override_for_ccx(self, self.course, "start")

    @cached_property
    def due(self):
        """Get the value of the override of the 'due' datetime for this CCX."""
        from .overrides import get_override_for_ccx  # pylint: disable=import-outside-toplevel

        return get_override_for_ccx(self, self.course, "due")

    @cached_property
    def max_student_enrollments_allowed(self):
        """Get the value of the override of the 'max_student_enrollments_allowed' for this CCX."""
        from .overrides import get_override_for_ccx  # pylint: disable=import-outside-toplevel

        return get_override_for_ccx(self, self.course, "max_student_enrollments_allowed")

    def has_started(self):
        """Return True if the CCX start date is in the past."""
        return datetime.now(UTC) > self.start

    def has_ended(self):
        """Return True if the CCX due date is set and is in the past."""
        if self.due is None:
            return False
        return datetime.now(UTC) > self.due

    @property
    def structure(self):
        """Deserializes a course structure JSON object."""
        if self.structure_json:
            return json.loads(self.structure_json)
        return None

    @property
    def locator(self):
        """Helper property that gets a corresponding CCXLocator for this CCX."""
        return CCXLocator.from_course_locator(self.course_id, str(self.id))


class CcxFieldOverride(models.Model):
    """
    Field overrides for custom courses.

    .. no_pii:
    """

    ccx = models.ForeignKey(CustomCourseForEdX, db_index=True, on_delete=models.CASCADE)
    location = UsageKeyField(max_length=255, db_index=True)
    field = models.CharField(max_length=255)

    class Meta:
        app_label = "ccx"
        unique_together = (("ccx", "location", "field"),)

    value = models.TextField(default="null")

    def __str__(self):
        return f"{self.ccx_id} {self.location} {self.field}={self.value}"
