"""
Operator configuration of the discount, editable in Django admin.

Each row speaks for one scope: a site, an organization or a course run. The most specific row
wins (course over org over site), and with no row the settings' defaults apply (discounts allowed,
``COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE``). A course row can re-enable what its org disabled.
"""
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from lms_plugin.history import PluginHistoricalRecords


class Scope(models.TextChoices):
    SITE = "site", "Site (domain)"
    ORG = "org", "Organization"
    COURSE = "course", "Course run (course key)"


# Most specific first: the order in which a course's configuration is looked up.
SCOPE_PRECEDENCE = (Scope.COURSE, Scope.ORG, Scope.SITE)


class ScopedDiscountConfig(models.Model):
    """
    A configuration row for one site, org or course run.

    .. no_pii:
    """

    scope = models.CharField(max_length=16, choices=Scope.choices)
    scope_value = models.CharField(
        max_length=255,
        help_text=_("The site's domain, the organization (as in course keys), or the course key."),
    )
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        unique_together = (("scope", "scope_value"),)

    def __str__(self):
        return f"{self.get_scope_display()}: {self.scope_value}"

    def clean(self):
        value = (self.scope_value or "").strip()
        self.scope_value = value
        if not value:
            raise ValidationError({"scope_value": _("Say which site, organization or course run this row is for.")})
        if self.scope == Scope.COURSE:
            try:
                key = CourseKey.from_string(value)
            except InvalidKeyError as exc:
                raise ValidationError({"scope_value": _("%(value)r is not a course key.") % {"value": value}}) from exc
            from lms_plugin import platform  # noqa: PLC0415

            if platform.course_overview_or_none(key) is None:
                raise ValidationError(
                    {"scope_value": _("The LMS has no course %(value)s: check the key.") % {"value": value}}
                )
            self.scope_value = str(key)
        elif self.scope == Scope.SITE and not Site.objects.filter(domain=value).exists():
            raise ValidationError({"scope_value": _("No site has the domain %(value)r.") % {"value": value}})


class DiscountRestrictionConfig(ScopedDiscountConfig):
    """
    Whether the discount is switched off for a site, an org or a course run.

    ``disabled=False`` on a narrower scope lifts a restriction of a broader one.

    .. no_pii:
    """

    disabled = models.BooleanField(default=True, help_text=_("Checked: no learner gets the discount here."))
    history = PluginHistoricalRecords()

    class Meta(ScopedDiscountConfig.Meta):
        verbose_name = _("discount restriction")


class DiscountPercentageConfig(ScopedDiscountConfig):
    """
    The discount's percentage for a site, an org or a course run.

    .. no_pii:
    """

    percentage = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(100)])
    history = PluginHistoricalRecords()

    class Meta(ScopedDiscountConfig.Meta):
        verbose_name = _("discount percentage")
