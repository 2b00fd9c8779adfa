"""
Replica of course-discovery ``course_discovery/apps/course_metadata/models.py`` (subset).

Organization, SeatType, Course, CourseRun, Seat and CourseEntitlement with
upstream's field names, tables and uniqueness rules, minus what the commerce
plugins never read (history, search indexing, marketing fields, images, tags).
Upstream's ``CourseType``/``CourseRunType`` tables and the ``type`` foreign keys
on Course and CourseRun are left out on purpose: the discovery plugin attaches
course types to courses from its own tables, without changing the host's.
"""
from uuid import uuid4

from django.db import models
from django.utils.text import slugify

from course_discovery.apps.core.models import Currency, Partner
from course_discovery.apps.core.time_stamped import TimeStampedModel
from course_discovery.apps.course_metadata.choices import CourseRunPacing, CourseRunStatus
from course_discovery.apps.course_metadata.managers import DraftManager

PRICE_FIELD_CONFIG = {"decimal_places": 2, "max_digits": 10, "null": False, "default": 0.00}


class DraftModelMixin(models.Model):
    """
    A ``draft`` flag and a link to the row's draft version; ``objects`` hides drafts, ``everything`` does not.

    .. no_pii:
    """

    draft = models.BooleanField(default=False, help_text="Is this a draft version?")
    draft_version = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="_official_version",
        limit_choices_to={"draft": True},
    )

    everything = models.Manager()
    objects = DraftManager()

    class Meta:
        abstract = True

    @property
    def official_version(self):
        """
        The published row this draft belongs to, or None.
        """
        try:
            return self._official_version
        except models.ObjectDoesNotExist:
            return None


class Organization(TimeStampedModel):
    """
    An organization that authors courses (its key is the ``org`` part of course keys).

    .. no_pii:
    """

    partner = models.ForeignKey(Partner, models.CASCADE, null=True, blank=False)
    uuid = models.UUIDField(default=uuid4, editable=True, verbose_name="UUID")
    key = models.CharField(
        max_length=255,
        help_text="Please do not use any spaces or special characters other than period, underscore or hyphen. "
        "This key will be used in the course's course key.",
    )
    name = models.CharField(max_length=255)

    class Meta:
        unique_together = (("partner", "key"), ("partner", "uuid"))
        ordering = ["created"]

    def __str__(self):
        if self.name and self.name != self.key:
            return f"{self.key}: {self.name}"
        return self.key


class SeatType(TimeStampedModel):
    """
    A kind of seat (audit, verified, professional, credit, masters, honor), keyed by slug.

    .. no_pii:
    """

    name = models.CharField(max_length=64)
    slug = models.SlugField(unique=True, blank=True)

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Upstream's AutoSlugField fills the slug from the name.
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class Course(DraftModelMixin, TimeStampedModel):
    """
    A course in the catalog; its runs are the offerings learners enroll in.

    Upstream's ``type`` foreign key to ``CourseType`` is not replicated: the
    discovery plugin attaches a course type to a course in its own table, so the
    host's tables stay as they are.

    .. no_pii:
    """

    partner = models.ForeignKey(Partner, models.CASCADE)
    uuid = models.UUIDField(default=uuid4, editable=True, verbose_name="UUID")
    key = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=255, default=None, null=True, blank=True)
    short_description = models.TextField(default=None, null=True, blank=True)
    authoring_organizations = models.ManyToManyField(Organization, blank=True, related_name="authored_courses")

    class Meta:
        unique_together = (("partner", "uuid", "draft"), ("partner", "key", "draft"))
        ordering = ["id"]

    def __str__(self):
        return f"{self.key}: {self.title}"


class CourseRun(DraftModelMixin, TimeStampedModel):
    """
    One run of a course (``course-v1:Org+Number+Run``), with its dates, pacing and publication status.

    Upstream's ``type`` foreign key to ``CourseRunType`` is not replicated (see ``Course``).

    .. no_pii:
    """

    uuid = models.UUIDField(default=uuid4, verbose_name="UUID")
    course = models.ForeignKey(Course, models.CASCADE, related_name="course_runs")
    key = models.CharField(max_length=255)
    status = models.CharField(
        default=CourseRunStatus.Unpublished, max_length=255, db_index=True, choices=CourseRunStatus.choices
    )
    title_override = models.CharField(
        max_length=255,
        default=None,
        null=True,
        blank=True,
        help_text="Title specific for this run of a course. "
        "Leave this value blank to default to the parent course's title.",
    )
    start = models.DateTimeField(null=True, blank=True, db_index=True)
    end = models.DateTimeField(null=True, blank=True, db_index=True)
    enrollment_start = models.DateTimeField(null=True, blank=True)
    enrollment_end = models.DateTimeField(null=True, blank=True, db_index=True)
    pacing_type = models.CharField(
        max_length=255, db_index=True, null=True, blank=True, choices=CourseRunPacing.choices
    )

    class Meta:
        unique_together = (("key", "draft"), ("uuid", "draft"))

    def __str__(self):
        return f"{self.key}: {self.title}"

    @property
    def title(self):
        return self.title_override or self.course.title


class Seat(DraftModelMixin, TimeStampedModel):
    """
    A purchasable (or free) seat of one seat type in a course run, mirrored from the ecommerce service.

    .. no_pii:
    """

    HONOR = "honor"
    AUDIT = "audit"
    VERIFIED = "verified"
    PROFESSIONAL = "professional"
    CREDIT = "credit"
    MASTERS = "masters"
    ENTITLEMENT_MODES = [VERIFIED, PROFESSIONAL]
    REQUIRES_AUDIT_SEAT = [VERIFIED]
    # Seat types that may not be purchased without first purchasing another seat type.
    SEATS_WITH_PREREQUISITES = [CREDIT]

    course_run = models.ForeignKey(CourseRun, models.CASCADE, related_name="seats")
    # Upstream keeps the column a string holding the seat type's slug.
    type = models.ForeignKey(SeatType, models.CASCADE, to_field="slug", db_column="type")
    price = models.DecimalField(**PRICE_FIELD_CONFIG)
    currency = models.ForeignKey(Currency, models.CASCADE, default="USD")
    _upgrade_deadline = models.DateTimeField(null=True, blank=True, db_column="upgrade_deadline")
    upgrade_deadline_override = models.DateTimeField(null=True, blank=True)
    credit_provider = models.CharField(max_length=255, null=True, blank=True)
    credit_hours = models.IntegerField(null=True, blank=True)
    sku = models.CharField(max_length=128, null=True, blank=True)
    bulk_sku = models.CharField(max_length=128, null=True, blank=True)

    class Meta:
        unique_together = ("course_run", "type", "currency", "credit_provider", "draft")
        ordering = ["created"]

    def __str__(self):
        return f"{self.type_id} seat of {self.course_run.key}"

    @property
    def upgrade_deadline(self):
        return self.upgrade_deadline_override or self._upgrade_deadline

    @upgrade_deadline.setter
    def upgrade_deadline(self, value):
        self._upgrade_deadline = value


class CourseEntitlement(DraftModelMixin, TimeStampedModel):
    """
    The product that lets a learner buy a course once and pick its run later.

    .. no_pii:
    """

    course = models.ForeignKey(Course, models.CASCADE, related_name="entitlements")
    mode = models.ForeignKey(SeatType, models.CASCADE)
    partner = models.ForeignKey(Partner, models.CASCADE, null=True, blank=False)
    price = models.DecimalField(**PRICE_FIELD_CONFIG)
    currency = models.ForeignKey(Currency, models.CASCADE, default="USD")
    sku = models.CharField(max_length=128, null=True, blank=True)

    class Meta:
        unique_together = ("course", "draft")
        ordering = ["created"]

    def __str__(self):
        return f"{self.mode.slug} entitlement of {self.course.key}"
