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
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = (("user", "course_id"),)

    def __str__(self):
        return f"{self.user_id} pending in {self.course_id} ({self.mode})"
