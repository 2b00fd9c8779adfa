"""
Replica of course-discovery ``course_discovery/apps/core/models.py`` (subset): User, Currency, Partner.
"""
from django.contrib.auth.models import AbstractUser
from django.contrib.sites.models import Site
from django.db import models

from course_discovery.apps.core.time_stamped import TimeStampedModel


class User(AbstractUser):
    """
    The discovery service's user: staff, course teams and service users, created at first SSO login.

    .. pii: Username, email address and names of the service's users.
    .. pii_types: username, email_address, name
    .. pii_retirement: retained
    """

    full_name = models.CharField("Full Name", max_length=255, blank=True, null=True)
    referral_tracking_id = models.CharField("Referral Tracking ID", max_length=255, default="affiliate_partner")

    class Meta:
        get_latest_by = "date_joined"

    def get_full_name(self):
        return self.full_name or super().get_full_name()


class Currency(models.Model):
    """
    A currency as ISO 4217 defines it; seats and entitlements are priced in one.

    .. no_pii:
    """

    code = models.CharField(max_length=6, primary_key=True, unique=True)
    name = models.CharField(max_length=255)

    class Meta:
        verbose_name_plural = "Currencies"

    def __str__(self):
        return f"{self.code} - {self.name}"


class Partner(TimeStampedModel):
    """
    An organization running an Open edX instance whose catalog this service holds (one per site).

    .. no_pii:
    """

    name = models.CharField(max_length=128, unique=True)
    short_code = models.CharField(
        max_length=8,
        unique=True,
        verbose_name="Short Code",
        help_text="Convenient code/slug used to identify this Partner (e.g. for management commands.)",
    )
    courses_api_url = models.URLField(max_length=255, null=True, blank=True, verbose_name="Courses API URL")
    lms_coursemode_api_url = models.URLField(max_length=255, null=True, blank=True, verbose_name="Course Mode API URL")
    ecommerce_api_url = models.URLField(max_length=255, null=True, blank=True, verbose_name="E-Commerce API URL")
    organizations_api_url = models.URLField(
        max_length=255, null=True, blank=True, verbose_name="Organizations API URL"
    )
    studio_url = models.URLField(max_length=255, null=True, blank=True, verbose_name="Studio URL")
    site = models.OneToOneField(Site, models.PROTECT)
    lms_url = models.URLField(max_length=255, null=True, blank=True, verbose_name="LMS URL")

    class Meta:
        verbose_name = "Partner"
        verbose_name_plural = "Partners"

    def __str__(self):
        return self.name
