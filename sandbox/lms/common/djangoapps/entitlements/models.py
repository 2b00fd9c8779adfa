"""
Replica of openedx-platform ``common/djangoapps/entitlements/models.py`` (``CourseEntitlement``; subset of fields and methods).

Not replicated: ``CourseEntitlementPolicy`` (the ``_policy`` foreign key), the support
detail model, model history, and the methods that ask the catalog service for a course's
runs (``course_uuid`` names a catalog course, which the sandbox has no catalog for).
"""
import uuid as uuid_tools

from django.contrib.auth.models import User  # pylint: disable=imported-auth-user
from django.db import models
from django.utils import timezone

from common.djangoapps.student.models import CourseEnrollment


class CourseEntitlement(models.Model):
    """
    Represents a Student's Entitlement to a Course Run for a given Course.

    .. no_pii:
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    uuid = models.UUIDField(default=uuid_tools.uuid4, editable=False, unique=True)
    course_uuid = models.UUIDField(help_text="UUID for the Course, not the Course Run")
    expired_at = models.DateTimeField(
        null=True,
        help_text="The date that an entitlement expired, if NULL the entitlement has not expired.",
        blank=True,
    )
    mode = models.CharField(max_length=100, help_text="The mode of the Course that will be applied on enroll.")
    enrollment_course_run = models.ForeignKey(
        CourseEnrollment,
        null=True,
        help_text="The current Course enrollment for this entitlement. If NULL the Learner has not enrolled.",
        blank=True,
        on_delete=models.CASCADE,
    )
    order_number = models.CharField(max_length=128, default=None, null=True)
    refund_locked = models.BooleanField(default=False)
    # Upstream's TimeStampedModel fields (django-model-utils is not installed here).
    created = models.DateTimeField(default=timezone.now, editable=False)
    modified = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        unique_together = ("course_uuid", "order_number")

    def __str__(self):
        return f"CourseEntitlement {self.uuid} of {self.user} for {self.course_uuid} ({self.mode})"

    @property
    def expired_at_datetime(self):
        """
        The expiration date of the entitlement, or None (upstream also derives it from its policy).
        """
        return self.expired_at

    def expire_entitlement(self):
        self.expired_at = timezone.now()
        self.save()

    @classmethod
    def unexpired_entitlements_for_user(cls, user):
        return cls.objects.filter(user=user, expired_at__isnull=True).select_related("user")
