"""
Replica of course-discovery ``course_discovery/apps/course_metadata/models.py`` (subset).

Checked against openedx/course-discovery e519c2834f2dcd89cda9b82656ac99369eb9ca1b
(2025-11-26). Organization, SeatType, Mode, Track, CourseRunType, CourseType,
Course, CourseRun, Seat and CourseEntitlement with upstream's field names, tables,
``on_delete`` (``CASCADE`` everywhere, the ``type`` foreign keys nullable) and
uniqueness rules; ``CourseType.course_run_types`` is a django-sortedm2m
``SortedManyToManyField`` as upstream's is (its ``set()`` clears, then adds).
Left out: what the commerce plugins never read (history, search indexing,
marketing fields, images, tags, ``white_listed_orgs``).
"""
from uuid import uuid4

from django.db import models
from django.utils.text import slugify
from sortedm2m.fields import SortedManyToManyField

from course_discovery.apps.core.models import Currency, Partner
from course_discovery.apps.core.time_stamped import TimeStampedModel
from course_discovery.apps.course_metadata.choices import CertificateType, CourseRunPacing, CourseRunStatus, PayeeType
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


class Mode(TimeStampedModel):
    """
    An LMS course mode (audit, verified, credit, ...), with the facts the catalog keeps about it.

    .. no_pii:
    """

    name = models.CharField(max_length=64)
    slug = models.CharField(max_length=64, unique=True)
    is_id_verified = models.BooleanField(default=False, help_text="This mode requires ID verification.")
    is_credit_eligible = models.BooleanField(
        default=False, help_text="Completion can grant credit toward an organization’s degree."
    )
    certificate_type = models.CharField(
        max_length=64,
        choices=CertificateType.choices,
        blank=True,
        help_text="Certificate type granted if this mode is eligible for a certificate, or blank if not.",
    )
    payee = models.CharField(
        max_length=64,
        choices=PayeeType.choices,
        default="",
        blank=True,
        help_text="Who gets paid for the course? Platform is the site owner, Organization is the school.",
    )

    def __str__(self):
        return self.name

    @property
    def is_certificate_eligible(self):
        return bool(self.certificate_type)


class Track(TimeStampedModel):
    """
    A mode and the seat type that sells it; no seat type means nothing is sold (masters).

    Upstream has no uniqueness rule on (mode, seat_type).

    .. no_pii:
    """

    seat_type = models.ForeignKey(SeatType, models.CASCADE, null=True, blank=True)
    mode = models.ForeignKey(Mode, models.CASCADE)

    def __str__(self):
        return self.mode.name


class CourseRunType(TimeStampedModel):
    """
    The enrollment options (tracks) of a course run, under a label such as "Verified and Audit".

    .. no_pii:
    """

    AUDIT = "audit"
    VERIFIED_AUDIT = "verified-audit"
    PROFESSIONAL = "professional"
    CREDIT_VERIFIED_AUDIT = "credit-verified-audit"
    HONOR = "honor"
    VERIFIED_HONOR = "verified-honor"
    VERIFIED_AUDIT_HONOR = "verified-audit-honor"
    EMPTY = "empty"

    uuid = models.UUIDField(default=uuid4, editable=False, verbose_name="UUID", unique=True)
    name = models.CharField(max_length=64)
    slug = models.CharField(max_length=64, unique=True)
    tracks = models.ManyToManyField(Track)
    is_marketable = models.BooleanField(default=True)

    def __str__(self):
        return self.name

    @property
    def empty(self):
        """Empty types are special - they are the default type used when we don't know a real type."""
        return self.slug == self.EMPTY


class CourseType(TimeStampedModel):
    """
    The run types a course's runs may take and the seat types its entitlements are sold as.

    .. no_pii:
    """

    AUDIT = "audit"
    VERIFIED_AUDIT = "verified-audit"
    PROFESSIONAL = "professional"
    CREDIT_VERIFIED_AUDIT = "credit-verified-audit"
    EMPTY = "empty"

    uuid = models.UUIDField(default=uuid4, editable=False, verbose_name="UUID", unique=True)
    name = models.CharField(max_length=64)
    slug = models.CharField(max_length=64, unique=True)
    entitlement_types = models.ManyToManyField(SeatType, blank=True)
    course_run_types = SortedManyToManyField(CourseRunType, help_text="Sets the order for displaying Course Run Types.")

    def __str__(self):
        return self.name

    @property
    def empty(self):
        """Empty types are special - they are the default type used when we don't know a real type."""
        return self.slug == self.EMPTY


class Course(DraftModelMixin, TimeStampedModel):
    """
    A course in the catalog; its runs are the offerings learners enroll in.

    .. no_pii:
    """

    partner = models.ForeignKey(Partner, models.CASCADE)
    uuid = models.UUIDField(default=uuid4, editable=True, verbose_name="UUID")
    key = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=255, default=None, null=True, blank=True)
    short_description = models.TextField(default=None, null=True, blank=True)
    authoring_organizations = models.ManyToManyField(Organization, blank=True, related_name="authored_courses")
    type = models.ForeignKey(CourseType, models.CASCADE, null=True)  # while null IS True, it should always be set

    class Meta:
        unique_together = (("partner", "uuid", "draft"), ("partner", "key", "draft"))
        ordering = ["id"]

    def __str__(self):
        return f"{self.key}: {self.title}"


class CourseRun(DraftModelMixin, TimeStampedModel):
    """
    One run of a course (``course-v1:Org+Number+Run``), with its dates, pacing and publication status.

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
    type = models.ForeignKey(CourseRunType, models.CASCADE, null=True)  # while null IS True, it should always be set

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
