"""
Replica of openedx-platform ``common/djangoapps/course_modes/models.py`` (``CourseMode`` and ``Mode``; the fields and methods the plugins use).

Upstream keeps model history (django-simple-history) and a request cache around
``modes_for_course``; neither is replicated.
"""
from collections import namedtuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_comma_separated_integer_list
from django.db import models
from django.db.models import Q
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

Mode = namedtuple(
    "Mode",
    [
        "slug",
        "name",
        "min_price",
        "suggested_prices",
        "currency",
        "expiration_datetime",
        "description",
        "sku",
        "android_sku",
        "ios_sku",
        "bulk_sku",
    ],
)

# Upstream reads these from settings.COURSE_MODE_DEFAULTS (lms/envs/common.py has the same values).
_COURSE_MODE_DEFAULTS = {
    "android_sku": None,
    "bulk_sku": None,
    "currency": "usd",
    "description": None,
    "expiration_datetime": None,
    "ios_sku": None,
    "min_price": 0,
    "name": _("Audit"),
    "sku": None,
    "slug": "audit",
    "suggested_prices": "",
}
COURSE_MODE_DEFAULTS = getattr(settings, "COURSE_MODE_DEFAULTS", _COURSE_MODE_DEFAULTS)


class CourseMode(models.Model):
    """
    We would like to offer a course in a variety of modes.

    .. no_pii:
    """

    course = models.ForeignKey(
        CourseOverview,
        db_constraint=False,
        db_index=True,
        related_name="modes",
        on_delete=models.DO_NOTHING,
    )

    # Django sets ``course_id`` from the database in __init__; this property pair keeps it a CourseKey.
    @property
    def course_id(self):
        return self._course_id

    @course_id.setter
    def course_id(self, value):
        if isinstance(value, str):
            self._course_id = CourseKey.from_string(value)
        else:
            self._course_id = value

    # The reference to this mode that Enrollments use across courses.
    mode_slug = models.CharField(max_length=100, verbose_name=_("Mode"))
    # The 'pretty' name that can be translated and displayed.
    mode_display_name = models.CharField(max_length=255, verbose_name=_("Display Name"))
    # The price of the mode (historically a minimum price).
    min_price = models.IntegerField(default=0, verbose_name=_("Price"))
    # Lower case ISO currency code.
    currency = models.CharField(default="usd", max_length=8)
    # After this datetime users can no longer enroll in (upgrade to) this mode.
    _expiration_datetime = models.DateTimeField(
        default=None,
        null=True,
        blank=True,
        verbose_name=_("Upgrade Deadline"),
        help_text=_(
            "OPTIONAL: After this date/time, users will no longer be able to enroll in this mode. "
            "Leave this blank if users can enroll in this mode until enrollment closes for the course."
        ),
        db_column="expiration_datetime",
    )
    # Whether the expiration datetime was set by hand rather than derived from the course.
    expiration_datetime_is_explicit = models.BooleanField(default=False)
    # DEPRECATED upstream: replaced by ``expiration_datetime``.
    expiration_date = models.DateField(default=None, null=True, blank=True)
    # DEPRECATED upstream: replaced by ``min_price``.
    suggested_prices = models.CharField(
        max_length=255, blank=True, default="", validators=[validate_comma_separated_integer_list]
    )
    # Optional description override (not localized).
    description = models.TextField(null=True, blank=True)
    # SKU of this mode's product in the ecommerce service.
    sku = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        verbose_name="SKU",
        help_text=_(
            "OPTIONAL: This is the SKU (stock keeping unit) of this mode in the external ecommerce service.  "
            "Leave this blank if the course has not yet been migrated to the ecommerce service."
        ),
    )
    android_sku = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        default=None,
        verbose_name="Android SKU",
        help_text=_("OPTIONAL: This is the Android SKU registered on play store for this mode of the course."),
    )
    ios_sku = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        default=None,
        verbose_name="IOS SKU",
        help_text=_("OPTIONAL: This is the iOS SKU registered on app store for this mode of the course."),
    )
    # SKU of the bulk (enrollment code) product in the ecommerce service.
    bulk_sku = models.CharField(
        max_length=255,
        null=True,
        blank=True,
        default=None,
        verbose_name="Bulk SKU",
        help_text=_("This is the bulk SKU (stock keeping unit) of this mode in the external ecommerce service."),
    )

    HONOR = "honor"
    PROFESSIONAL = "professional"
    VERIFIED = "verified"
    AUDIT = "audit"
    NO_ID_PROFESSIONAL_MODE = "no-id-professional"
    CREDIT_MODE = "credit"
    MASTERS = "masters"
    EXECUTIVE_EDUCATION = "executive-education"
    PAID_EXECUTIVE_EDUCATION = "paid-executive-education"
    UNPAID_EXECUTIVE_EDUCATION = "unpaid-executive-education"
    PAID_BOOTCAMP = "paid-bootcamp"
    UNPAID_BOOTCAMP = "unpaid-bootcamp"

    DEFAULT_MODE = Mode(
        COURSE_MODE_DEFAULTS["slug"],
        COURSE_MODE_DEFAULTS["name"],
        COURSE_MODE_DEFAULTS["min_price"],
        COURSE_MODE_DEFAULTS["suggested_prices"],
        COURSE_MODE_DEFAULTS["currency"],
        COURSE_MODE_DEFAULTS["expiration_datetime"],
        COURSE_MODE_DEFAULTS["description"],
        COURSE_MODE_DEFAULTS["sku"],
        COURSE_MODE_DEFAULTS["android_sku"],
        COURSE_MODE_DEFAULTS["ios_sku"],
        COURSE_MODE_DEFAULTS["bulk_sku"],
    )
    DEFAULT_MODE_SLUG = COURSE_MODE_DEFAULTS["slug"]

    ALL_MODES = [
        AUDIT,
        CREDIT_MODE,
        HONOR,
        NO_ID_PROFESSIONAL_MODE,
        PROFESSIONAL,
        VERIFIED,
        MASTERS,
        EXECUTIVE_EDUCATION,
        PAID_EXECUTIVE_EDUCATION,
        UNPAID_EXECUTIVE_EDUCATION,
        PAID_BOOTCAMP,
        UNPAID_BOOTCAMP,
    ]
    # Modes utilized for audit/free enrollments
    AUDIT_MODES = [AUDIT, HONOR, UNPAID_EXECUTIVE_EDUCATION, UNPAID_BOOTCAMP]
    # Modes that allow a student to pursue a verified certificate
    VERIFIED_MODES = [VERIFIED, PROFESSIONAL, MASTERS, EXECUTIVE_EDUCATION, PAID_EXECUTIVE_EDUCATION, PAID_BOOTCAMP]
    # Modes that allow a student to pursue a non-verified certificate
    NON_VERIFIED_MODES = [HONOR, AUDIT, NO_ID_PROFESSIONAL_MODE, UNPAID_EXECUTIVE_EDUCATION, UNPAID_BOOTCAMP]
    # Modes that allow a student to earn credit with a university partner
    CREDIT_MODES = [CREDIT_MODE]
    # Modes that are eligible to purchase credit
    CREDIT_ELIGIBLE_MODES = [VERIFIED, PROFESSIONAL, NO_ID_PROFESSIONAL_MODE, EXECUTIVE_EDUCATION, PAID_EXECUTIVE_EDUCATION]
    # Modes for which certificates/programs may need to be updated
    CERTIFICATE_RELEVANT_MODES = CREDIT_MODES + CREDIT_ELIGIBLE_MODES + [MASTERS]
    # Modes that are allowed to upsell
    UPSELL_TO_VERIFIED_MODES = [HONOR, AUDIT]

    CACHE_NAMESPACE = "course_modes.CourseMode.cache."

    class Meta:
        app_label = "course_modes"
        unique_together = ("course", "mode_slug", "currency")

    def __str__(self):
        return f"{self.course_id} : {self.mode_slug}, min={self.min_price}, sku={self.sku}, bulk_sku={self.bulk_sku}"

    def clean(self):
        """
        Object-level validation, so DRF serializers and forms catch errors before save().
        """
        if self.is_professional_slug(self.mode_slug) and self.expiration_datetime is not None:
            raise ValidationError(_("Professional education modes are not allowed to have expiration_datetime set."))

    def save(self, *args, **kwargs):  # pylint: disable=arguments-differ
        # Ensure currency is always lowercase, and validate first, as upstream does.
        self.clean()
        self.currency = self.currency.lower()
        super().save(*args, **kwargs)

    @property
    def slug(self):
        """
        Returns mode_slug (the ``Mode`` tuples call it ``slug``).
        """
        return self.mode_slug

    @property
    def expiration_datetime(self):
        return self._expiration_datetime

    @expiration_datetime.setter
    def expiration_datetime(self, new_datetime):
        """
        Set the expiration datetime; setting an actual date marks it explicit.
        """
        if new_datetime is not None:
            self.expiration_datetime_is_explicit = True
        self._expiration_datetime = new_datetime

    def to_tuple(self):
        """
        This mode as a ``Mode`` namedtuple.
        """
        return Mode(
            self.mode_slug,
            self.mode_display_name,
            self.min_price,
            self.suggested_prices,
            self.currency,
            self.expiration_datetime,
            self.description,
            self.sku,
            self.android_sku,
            self.ios_sku,
            self.bulk_sku,
        )

    @classmethod
    def get_default_mode_slug(cls):
        """
        The default mode slug, used as the default of ``CourseEnrollment.mode``.
        """
        return cls.DEFAULT_MODE_SLUG

    @classmethod
    def paid_modes_for_course(cls, course_id):
        """
        Non-expired modes of the course with a price above zero, as ``Mode`` tuples.
        """
        found = cls.objects.filter(
            Q(course_id=course_id)
            & Q(min_price__gt=0)
            & (Q(_expiration_datetime__isnull=True) | Q(_expiration_datetime__gte=now()))
        )
        return [mode.to_tuple() for mode in found]

    @classmethod
    def modes_for_course(cls, course_id=None, include_expired=False, only_selectable=True, course=None):
        """
        The (non-expired, selectable) modes of a course as ``Mode`` tuples; ``[DEFAULT_MODE]`` if it has none.
        """
        if course_id is None and course is None:
            raise ValueError("One of course_id or course must not be None.")
        if course is not None:
            course_id = course.id
        found = cls.objects.filter(course_id=course_id)
        if not include_expired:
            found = found.filter(Q(_expiration_datetime__isnull=True) | Q(_expiration_datetime__gte=now()))
        if only_selectable:
            found = found.exclude(mode_slug__in=cls.CREDIT_MODES)
        modes = [mode.to_tuple() for mode in found]
        return modes or [cls.DEFAULT_MODE]

    @classmethod
    def modes_for_course_dict(cls, course_id=None, modes=None, **kwargs):
        """
        ``{slug: Mode}`` of the course's modes (or of ``modes`` if given).
        """
        if modes is None:
            modes = cls.modes_for_course(course_id, **kwargs)
        return {mode.slug: mode for mode in modes}

    @classmethod
    def mode_for_course(cls, course_id, mode_slug, modes=None, include_expired=False):
        """
        The ``Mode`` of the course with slug ``mode_slug``, or None.
        """
        if modes is None:
            modes = cls.modes_for_course(course_id, include_expired=include_expired)
        matched = [mode for mode in modes if mode.slug == mode_slug]
        return matched[0] if matched else None

    @classmethod
    def verified_mode_for_course(cls, course_id=None, modes=None, include_expired=False, course=None):
        """
        The course's professional mode if any, else its verified mode, else None.
        """
        modes_dict = cls.modes_for_course_dict(
            course_id=course_id, modes=modes, include_expired=include_expired, course=course
        )
        verified_mode = modes_dict.get(cls.VERIFIED)
        professional_mode = modes_dict.get(cls.PROFESSIONAL)
        return professional_mode if professional_mode else verified_mode

    @classmethod
    def min_course_price_for_currency(cls, course_id, currency):
        """
        The lowest price of the course's non-expired modes in ``currency`` (0 if none).
        """
        prices = [mode.min_price for mode in cls.modes_for_course(course_id) if mode.currency.lower() == currency.lower()]
        return min(prices) if prices else 0

    @classmethod
    def has_verified_mode(cls, course_mode_dict):
        return any(mode in course_mode_dict for mode in cls.VERIFIED_MODES)

    @classmethod
    def has_professional_mode(cls, modes_dict):
        return cls.PROFESSIONAL in modes_dict or cls.NO_ID_PROFESSIONAL_MODE in modes_dict

    @classmethod
    def is_professional_mode(cls, course_mode_tuple):
        return course_mode_tuple.slug in [cls.PROFESSIONAL, cls.NO_ID_PROFESSIONAL_MODE] if course_mode_tuple else False

    @classmethod
    def is_professional_slug(cls, slug):
        return slug in [cls.PROFESSIONAL, cls.NO_ID_PROFESSIONAL_MODE]

    @classmethod
    def is_mode_upgradeable(cls, mode_slug):
        """
        Whether a learner in ``mode_slug`` can upgrade to another mode.
        """
        return mode_slug in cls.AUDIT_MODES

    @classmethod
    def is_verified_mode(cls, course_mode_tuple):
        return course_mode_tuple.slug in cls.VERIFIED_MODES

    @classmethod
    def is_verified_slug(cls, mode_slug):
        return mode_slug in cls.VERIFIED_MODES

    @classmethod
    def is_credit_mode(cls, course_mode_tuple):
        return course_mode_tuple.slug in cls.CREDIT_MODES

    @classmethod
    def is_eligible_for_certificate(cls, mode_slug, status=None):  # pylint: disable=unused-argument
        """
        Whether learners in ``mode_slug`` can earn a certificate (audit cannot).
        """
        return mode_slug != cls.AUDIT

    @classmethod
    def auto_enroll_mode(cls, course_id, modes_dict=None):
        """
        The mode a learner is enrolled in without choosing: a single mode, else audit, else honor, else the default.
        """
        if modes_dict is None:
            modes_dict = cls.modes_for_course_dict(course_id)
        if len(modes_dict) == 1:
            return list(modes_dict.keys())[0]
        for slug in (cls.AUDIT, cls.HONOR):
            if slug in modes_dict:
                return slug
        return cls.DEFAULT_MODE_SLUG

    @classmethod
    def is_white_label(cls, course_id, modes_dict=None):
        """
        Whether the course is "white label": a single honor mode with a price (the course is behind a paywall).
        """
        if modes_dict is None:
            modes_dict = cls.modes_for_course_dict(course_id)
        if cls.HONOR in modes_dict and len(modes_dict) == 1:
            honor = modes_dict[cls.HONOR]
            return honor.min_price > 0 or honor.suggested_prices != ""
        return False

    @classmethod
    def is_masters_only(cls, course_id):
        modes = cls.modes_for_course_dict(course_id)
        return cls.MASTERS in modes and len(modes) == 1
