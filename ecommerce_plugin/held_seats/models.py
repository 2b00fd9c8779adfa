"""
The LMS's enrollments of a learner, as the shop last heard of them.
"""
from django.conf import settings
from django.db import models


class LearnerEnrollment(models.Model):
    """
    One learner's enrollment in one course run, as the LMS last reported it.

    The checkout must not ask the LMS while a learner waits to pay, so it reads this copy. Rows
    come from the LMS enrollment API (a task queued when a seat goes into a basket) and from the
    LMS's enrollment events when the shop consumes them; the newest report wins
    (``reported_at``). Enrollments the shop itself fulfilled are known from its own orders.

    .. no_pii: A user id, a course key, a mode and a flag.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course_key = models.CharField(max_length=255)
    mode = models.CharField(max_length=100)
    is_active = models.BooleanField()
    reported_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="commerce_learner_enrollment_once")
        ]

    def __str__(self):
        return f"{self.user_id} in {self.course_key} ({self.mode}, {'active' if self.is_active else 'inactive'})"
