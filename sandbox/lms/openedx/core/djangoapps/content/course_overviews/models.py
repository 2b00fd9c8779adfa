"""
Replica of openedx-platform ``openedx/core/djangoapps/content/course_overviews/models.py`` (subset of fields and methods).

Upstream fills a ``CourseOverview`` from the modulestore when a course is
published; here the rows are written directly (``seed_demo``, tests), except for
CCX courses, whose overview is built from the CCX and its master course the way
upstream's CCX modulestore wrapper lets ``load_from_module_store`` do it.
"""
import logging

from ccx_keys.locator import CCXLocator
from django.db import models
from django.utils import timezone
from opaque_keys.edx.django.models import CourseKeyField

log = logging.getLogger(__name__)


class CourseOverview(models.Model):
    """
    Model for storing and caching basic information about a course.

    Subset of the upstream fields. ``created``/``modified`` stand in for upstream's
    ``TimeStampedModel`` (django-model-utils is not installed here).

    .. no_pii:
    """

    # Bump when the model's fields change, as upstream does.
    VERSION = 19

    class Meta:
        app_label = "course_overviews"

    created = models.DateTimeField(default=timezone.now, editable=False)
    modified = models.DateTimeField(auto_now=True, editable=False)

    version = models.IntegerField(default=VERSION)

    # Course identification
    id = CourseKeyField(db_index=True, primary_key=True, max_length=255)
    org = models.TextField(max_length=255, default="outdated_entry")
    display_name = models.TextField(null=True)
    display_number_with_default = models.TextField(default="")
    display_org_with_default = models.TextField(default="")

    # Start/end dates
    start = models.DateTimeField(null=True)
    end = models.DateTimeField(null=True)
    advertised_start = models.TextField(null=True)
    announcement = models.DateTimeField(null=True)

    # Certification data
    certificate_available_date = models.DateTimeField(default=None, null=True)
    lowest_passing_grade = models.DecimalField(max_digits=5, decimal_places=2, null=True)

    # Access parameters
    days_early_for_beta = models.FloatField(null=True)
    mobile_available = models.BooleanField(default=False)
    visible_to_staff_only = models.BooleanField(default=False)

    # Enrollment details
    enrollment_start = models.DateTimeField(null=True)
    enrollment_end = models.DateTimeField(null=True)
    enrollment_domain = models.TextField(null=True)
    invitation_only = models.BooleanField(default=False)
    max_student_enrollments_allowed = models.IntegerField(null=True)

    # Catalog information
    catalog_visibility = models.TextField(null=True)
    short_description = models.TextField(null=True)
    effort = models.TextField(null=True)
    self_paced = models.BooleanField(default=False)
    marketing_url = models.TextField(null=True)
    eligible_for_financial_aid = models.BooleanField(default=True)
    language = models.TextField(null=True)

    def __str__(self):
        return f"Course Overview: {self.id}"

    @classmethod
    def get_from_id(cls, course_id):
        """
        Return the CourseOverview of the course ``course_id``.

        Raises ``CourseOverview.DoesNotExist`` when the course does not exist
        (upstream raises it when the modulestore has no such course either).
        """
        try:
            return cls.objects.get(id=course_id)
        except cls.DoesNotExist:
            if isinstance(course_id, CCXLocator):
                return cls.load_from_module_store(course_id)
            raise

    @classmethod
    def get_from_ids(cls, course_ids):
        """
        Return a dict mapping each of ``course_ids`` to its CourseOverview, or None if absent.
        """
        found = {overview.id: overview for overview in cls.objects.filter(id__in=course_ids)}
        return {course_id: found.get(course_id) for course_id in course_ids}

    @classmethod
    def course_exists(cls, course_id):
        """
        Return whether there is a CourseOverview for ``course_id``.
        """
        return cls.objects.filter(id=course_id).exists()

    @classmethod
    def load_from_module_store(cls, course_id):
        """
        (Re)build the overview of ``course_id`` from the course content and save it.

        In the sandbox only CCX courses are built this way: the master course's
        overview, with the CCX's display name, start, due date and enrollment
        limit, as upstream's CCX modulestore wrapper presents the course.
        Raises ``CourseOverview.DoesNotExist`` when there is no such course.
        """
        if not isinstance(course_id, CCXLocator):
            return cls.objects.get(id=course_id)
        # Imported here: the CCX app depends on this one.
        from lms.djangoapps.ccx.models import CustomCourseForEdX  # pylint: disable=import-outside-toplevel

        try:
            ccx = CustomCourseForEdX.objects.get(id=int(course_id.ccx))
        except (CustomCourseForEdX.DoesNotExist, ValueError) as exc:
            raise cls.DoesNotExist(f"No CCX {course_id}") from exc
        master = cls.objects.get(id=course_id.to_course_locator())
        fields = {
            field.name: getattr(master, field.name)
            for field in cls._meta.concrete_fields
            if field.name not in ("id", "created", "modified")
        }
        fields.update(
            display_name=ccx.display_name,
            start=ccx.start or master.start,
            end=ccx.due,
            max_student_enrollments_allowed=ccx.max_student_enrollments_allowed,
        )
        overview, __ = cls.objects.update_or_create(id=course_id, defaults=fields)
        return overview

    @property
    def location(self):
        """
        The usage key of the course block.
        """
        return self.id.make_usage_key("course", "course")

    @property
    def display_name_with_default(self):
        """
        The display name, or the course number when the course has none.
        """
        return self.display_name or self.id.course.replace("_", " ")

    @property
    def display_name_with_default_escaped(self):
        return self.display_name_with_default

    @property
    def dashboard_start_display(self):
        return self.advertised_start or self.start

    @property
    def pacing(self):
        """
        'self' for self-paced courses, 'instructor' otherwise.
        """
        return "self" if self.self_paced else "instructor"

    def has_started(self):
        """
        Whether the course has started (a course without a start date has not).
        """
        return self.start is not None and timezone.now() > self.start

    def has_ended(self):
        """
        Whether the course has ended (a course without an end date never ends).
        """
        return self.end is not None and timezone.now() > self.end
