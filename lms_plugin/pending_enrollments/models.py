"""
The pending status of an enrollment that was paid for but is not active yet.
"""
from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField


class PendingEnrollment(models.Model):
    """
    A learner bought (or requested) ``mode`` in ``course_id``; the ecommerce worker has not
    enrolled them yet. Deleted when the enrollment becomes active in that mode.

    A table of its own rather than a new ``CourseEnrollment.is_active`` state: the platform's
    enrollment model is not ours to change, and every platform query of active enrollments
    stays right.

    .. no_pii: a user id, a course and a mode; the order number is ecommerce's opaque reference.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course_id = CourseKeyField(max_length=255, db_index=True)
    mode = models.CharField(max_length=100)
    order_number = models.CharField(max_length=128, blank=True)
    # Set when ecommerce reports that fulfillment of this order's line failed for good: the
    # dashboard then says so instead of "being processed" (a staff retry clears it).
    failed_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = (("user", "course_id"),)

    def __str__(self):
        return f"{self.user_id} pending in {self.course_id} ({self.mode})"


class ReceiptHandoff(models.Model):
    """
    A receipt hand-off token already used: its ``jti`` may not be used again while it could still
    verify (rows are deleted once the token has expired, when its ``exp`` refuses it anyway).

    .. no_pii: a token id, ecommerce's opaque order number and a user id.
    """

    jti = models.CharField(max_length=64, unique=True)
    order_number = models.CharField(max_length=128, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField(db_index=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"hand-off {self.jti} of order {self.order_number}"
