"""
Course types, after course-discovery's ``Mode``/``Track``/``CourseRunType``/``CourseType``.

A *mode* is what the LMS enrolls a learner in; a *seat type* is what ecommerce sells
(the host's ``SeatType``). A *track* pairs a mode with the seat type that sells it,
or with none when nothing is sold (masters, a SPOC's audit). A *course run type* is
a labelled set of tracks; a *course type* is a labelled set of run types its runs may
take, plus the seat types its entitlements are sold as. The host's courses and runs
get their type through one-to-one rows in this app's own tables, so the host's
tables stay as they are. The rules live in ``rules.py``; ``clean()`` calls them.
"""
from uuid import uuid4

from django.db import models
from django.db.models import Q

from discovery_plugin import platform


def proposed(instance, field_name, *select_related):
    """
    The many-to-many values ``clean()`` judges: those a form or ``api.py`` is about to save, else the saved ones.

    A many-to-many field is written after the row, so ``clean()`` cannot see the new
    values on the instance; callers stage them in ``instance.proposed_m2m`` first.
    """
    staged = getattr(instance, "proposed_m2m", {})
    if field_name in staged:
        return list(staged[field_name])
    if not instance.pk:
        return []
    return list(getattr(instance, field_name).select_related(*select_related))


class RefusesDeletionInUse(models.Model):
    """
    ``delete()`` refuses, with the rule's error code, to delete a type something uses.

    Queryset deletes are refused too: by ``PROTECT`` foreign keys (``ProtectedError``)
    or, for many-to-many uses, by the ``pre_delete`` guard in ``handlers.py``.

    .. no_pii:
    """

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        from discovery_plugin.course_types import rules  # pylint: disable=import-outside-toplevel

        rules.raise_for(rules.deletion_violations(self))
        return super().delete(*args, **kwargs)


class CertificateType(models.TextChoices):
    """
    The certificate a mode grants, as course-discovery and the LMS name them.
    """

    HONOR = "honor", "Honor"
    CREDIT = "credit", "Credit"
    VERIFIED = "verified", "Verified"
    PROFESSIONAL = "professional", "Professional"


class PayeeType(models.TextChoices):
    """
    Who is paid for a seat: the site owner or the school.
    """

    PLATFORM = "platform", "Platform"
    ORGANIZATION = "organization", "Organization"


class TimeStampedModel(models.Model):
    """
    Creation and modification times, as the host's models carry them.

    .. no_pii:
    """

    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Mode(RefusesDeletionInUse, TimeStampedModel):
    """
    An LMS course mode, with the facts about it the catalog is the source of truth for.

    Kept apart from the host's ``SeatType`` because some modes are never sold
    (masters) and some seat types sell two modes (professional with and without ID
    verification).

    .. no_pii:
    """

    name = models.CharField(max_length=64)
    slug = models.SlugField(max_length=64, unique=True, help_text="The LMS course mode slug, e.g. verified.")
    is_id_verified = models.BooleanField(default=False, help_text="This mode requires ID verification.")
    is_credit_eligible = models.BooleanField(
        default=False, help_text="Completion can grant credit toward an organization's degree."
    )
    certificate_type = models.CharField(
        max_length=64,
        choices=CertificateType.choices,
        blank=True,
        help_text="Certificate type granted by this mode, or blank if it grants none.",
    )
    payee = models.CharField(
        max_length=64,
        choices=PayeeType.choices,
        blank=True,
        default="",
        help_text="Who gets paid: the platform (site owner) or the organization (school).",
    )

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name

    @property
    def is_certificate_eligible(self):
        return bool(self.certificate_type)


class Track(RefusesDeletionInUse, TimeStampedModel):
    """
    One enrollment option: an LMS mode and the ecommerce seat type that sells it, if any.

    A track without a seat type is how a course type says "this mode exists in the
    LMS but nothing is sold for it" (masters), which seats alone could never say.

    .. no_pii:
    """

    mode = models.ForeignKey(Mode, models.PROTECT, related_name="tracks")
    seat_type = models.ForeignKey(
        platform.SEAT_TYPE_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leave empty when this mode has no ecommerce product.",
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mode", "seat_type"], condition=Q(seat_type__isnull=False), name="track_mode_seat_type_unique"
            ),
            models.UniqueConstraint(
                fields=["mode"], condition=Q(seat_type__isnull=True), name="track_mode_without_seat_type_unique"
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """
        What a course admin reads: the mode and what it sells.
        """
        if self.seat_type_id is None:
            return f"{self.mode.name} (no ecommerce product)"
        return f"{self.mode.name} (sold as {self.seat_type.name} seat)"


class CourseRunType(RefusesDeletionInUse, TimeStampedModel):
    """
    A labelled set of tracks a course run can have, e.g. "Verified and Audit".

    Course admins pick the label; the tracks behind it decide the run's LMS modes
    and ecommerce seats.

    .. no_pii:
    """

    EMPTY = "empty"

    uuid = models.UUIDField(default=uuid4, editable=False, unique=True, verbose_name="UUID")
    name = models.CharField(max_length=64, unique=True)
    slug = models.SlugField(max_length=64, unique=True)
    tracks = models.ManyToManyField(Track, related_name="course_run_types", blank=True)
    is_marketable = models.BooleanField(
        default=True, help_text="Runs of this type have a marketing page (a SPOC, for one, has none)."
    )

    class Meta:
        ordering = ["id"]
        verbose_name = "course run type"

    def __str__(self):
        return self.name

    @property
    def empty(self):
        """
        The Empty type stands for "not known yet"; it has no tracks.
        """
        return self.slug == self.EMPTY

    def clean(self):
        from discovery_plugin.course_types import rules  # pylint: disable=import-outside-toplevel

        tracks = proposed(self, "tracks", "mode", "seat_type")
        rules.raise_for(rules.course_run_type_violations(self, tracks))


class CourseType(RefusesDeletionInUse, TimeStampedModel):
    """
    A labelled set of run types a course's runs may take, and the entitlements the course is sold as.

    .. no_pii:
    """

    EMPTY = "empty"

    uuid = models.UUIDField(default=uuid4, editable=False, unique=True, verbose_name="UUID")
    name = models.CharField(max_length=64, unique=True)
    slug = models.SlugField(max_length=64, unique=True)
    entitlement_types = models.ManyToManyField(
        platform.SEAT_TYPE_MODEL,
        related_name="+",
        blank=True,
        help_text="Seat types of the course's entitlements; each must be sold by a track of an allowed run type.",
    )
    course_run_types = models.ManyToManyField(
        CourseRunType, related_name="course_types", help_text="Run types this course's runs may take."
    )

    class Meta:
        ordering = ["id"]
        verbose_name = "course type"

    def __str__(self):
        return self.name

    @property
    def empty(self):
        return self.slug == self.EMPTY

    def clean(self):
        from discovery_plugin.course_types import rules  # pylint: disable=import-outside-toplevel

        run_types = proposed(self, "course_run_types")
        entitlement_types = proposed(self, "entitlement_types")
        rules.raise_for(rules.course_type_violations(self, run_types, entitlement_types))


class CourseTypeAssignment(TimeStampedModel):
    """
    The course type of one host course, kept here so the host's ``course_metadata_course`` table is untouched.

    .. no_pii:
    """

    course = models.OneToOneField(platform.COURSE_MODEL, models.CASCADE, related_name="commerce_course_type")
    course_type = models.ForeignKey(CourseType, models.PROTECT, related_name="assignments")

    class Meta:
        verbose_name = "course's type"
        verbose_name_plural = "courses' types"

    def __str__(self):
        return f"{self.course.key}: {self.course_type.name}"

    def clean(self):
        from discovery_plugin.course_types import rules  # pylint: disable=import-outside-toplevel

        if self.course_id and self.course_type_id:
            rules.raise_for(rules.course_type_assignment_violations(self.course, self.course_type))


class CourseRunTypeAssignment(TimeStampedModel):
    """
    The run type of one host course run, kept here so the host's ``course_metadata_courserun`` table is untouched.

    .. no_pii:
    """

    course_run = models.OneToOneField(
        platform.COURSE_RUN_MODEL, models.CASCADE, related_name="commerce_course_run_type"
    )
    course_run_type = models.ForeignKey(CourseRunType, models.PROTECT, related_name="assignments")

    class Meta:
        verbose_name = "course run's type"
        verbose_name_plural = "course runs' types"

    def __str__(self):
        return f"{self.course_run.key}: {self.course_run_type.name}"

    def clean(self):
        from discovery_plugin.course_types import rules  # pylint: disable=import-outside-toplevel

        if self.course_run_id and self.course_run_type_id:
            rules.raise_for(rules.course_run_type_assignment_violations(self.course_run, self.course_run_type))
