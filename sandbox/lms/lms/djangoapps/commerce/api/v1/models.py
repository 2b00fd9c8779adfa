"""
Replica of openedx-platform ``lms/djangoapps/commerce/api/v1/models.py`` (e57a655d77b614f19223984e9805b1fb940ab192): the ``Course``
pseudo-model grouping a course's ``CourseMode`` rows.

Not replicated: the verification deadline (``VerificationDeadline``, verify_student); it is kept
on the object and returned as sent, never stored.
"""
import logging
from itertools import groupby

from common.djangoapps.course_modes.models import CourseMode
from django.db import transaction
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

log = logging.getLogger(__name__)

UNDEFINED = object()

# Upstream names each mode's display name from its slug.
_DISPLAY_NAMES = {"credit": "Credit", "verified": "Verified Certificate", "honor": "Honor Certificate",
                  "audit": "Audit"}


class Course:
    """Pseudo-course model used to group CourseMode objects."""

    id = None
    modes = None
    _deleted_modes = None

    def __init__(self, id, modes, **kwargs):  # noqa: A002  (upstream's name)
        self.id = CourseKey.from_string(str(id))
        self.modes = list(modes)
        self.verification_deadline = kwargs.get("verification_deadline", UNDEFINED)
        self._deleted_modes = []

    @property
    def name(self):
        try:
            return CourseOverview.get_from_id(self.id).display_name
        except CourseOverview.DoesNotExist:
            log.warning("Failed to retrieve CourseOverview for [%s]. Using empty course name.", self.id)
            return None

    def get_mode_display_name(self, mode):
        slug = mode.mode_slug.strip().lower()
        if "professional" in slug:
            return "Professional Education"
        return _DISPLAY_NAMES.get(slug, mode.mode_slug)

    @transaction.atomic
    def save(self, *args, **kwargs):  # noqa: ARG002
        for mode in self.modes:
            mode.course_id = self.id
            mode.mode_display_name = self.get_mode_display_name(mode)
            mode.save()
        CourseMode.objects.filter(id__in=[mode.id for mode in self._deleted_modes]).delete()
        self._deleted_modes = []

    def update(self, attrs):
        """Merge the posted modes into the course's: by slug; modes not posted are deleted (masters kept)."""
        if "verification_deadline" in attrs:
            self.verification_deadline = attrs.get("verification_deadline")
        existing_modes = {mode.mode_slug: mode for mode in self.modes}
        merged_modes, merged_mode_keys = set(), set()
        for posted_mode in attrs.get("modes", []):
            merged_mode = existing_modes.get(posted_mode.mode_slug, CourseMode())
            merged_mode.course_id = self.id
            merged_mode.mode_slug = posted_mode.mode_slug
            merged_mode.mode_display_name = posted_mode.mode_slug
            merged_mode.min_price = posted_mode.min_price
            merged_mode.currency = posted_mode.currency
            merged_mode.sku = posted_mode.sku
            merged_mode.bulk_sku = posted_mode.bulk_sku
            merged_mode.android_sku = posted_mode.android_sku
            merged_mode.ios_sku = posted_mode.ios_sku
            merged_mode.expiration_datetime = posted_mode.expiration_datetime
            merged_mode.save()
            merged_modes.add(merged_mode)
            merged_mode_keys.add(merged_mode.mode_slug)
        modes_to_delete = set(existing_modes) - merged_mode_keys - {CourseMode.MASTERS}
        self._deleted_modes = [existing_modes[mode] for mode in modes_to_delete]
        self.modes = list(merged_modes)

    @classmethod
    def get(cls, course_id):
        try:
            course_id = CourseKey.from_string(str(course_id))
        except InvalidKeyError:
            log.debug("[%s] is not a valid course key.", course_id)
            raise ValueError from None
        course_modes = CourseMode.objects.filter(course_id=course_id)
        if course_modes:
            return cls(course_id, list(course_modes))
        return None

    @classmethod
    def iterator(cls):
        course_modes = CourseMode.objects.order_by("course_id")
        for course_id, modes in groupby(course_modes, lambda o: o.course_id):
            yield cls(course_id, list(modes))
