"""
Course roles and the LMS's facts about a course, as the ecommerce service keeps them.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecommerce_plugin.history import PluginHistoricalRecords


class CourseRole(models.Model):
    """
    A user's role over one course's commerce: ``finance_admin`` (invoices, prices, financial
    reports) or ``staff`` (coupons; never counted as a paying learner in the audits).

    Rows come from two places, told apart by ``source``: the ecommerce admin (``admin``), and
    the LMS's course access roles (``lms``: staff/instructor become ``staff``, finance_admin
    stays ``finance_admin``), copied by ``sync_course_facts``. A sync replaces only ``lms`` rows.

    .. no_pii: A user id, a course key and a role name.
    """

    FINANCE_ADMIN = "finance_admin"
    STAFF = "staff"
    ROLE_CHOICES = [(FINANCE_ADMIN, "Finance admin"), (STAFF, "Course staff")]
    SOURCE_ADMIN = "admin"
    SOURCE_LMS = "lms"
    SOURCE_CHOICES = [(SOURCE_ADMIN, "Ecommerce admin"), (SOURCE_LMS, "LMS course access role")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="commerce_course_roles")
    course_key = models.CharField(max_length=255, db_index=True)
    role = models.CharField(max_length=32, choices=ROLE_CHOICES)
    source = models.CharField(max_length=16, choices=SOURCE_CHOICES, default=SOURCE_ADMIN)
    created = models.DateTimeField(auto_now_add=True)
    history = PluginHistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key", "role", "source"], name="commerce_course_role_unique")
        ]
        indexes = [models.Index(fields=["course_key", "role", "user"])]

    def __str__(self):
        return f"{self.user_id} {self.role} of {self.course_key} ({self.source})"


class CourseFacts(models.Model):
    """
    The LMS's answer about a course run the last time the shop asked: enrollment window,
    capacity and enrollment counts.

    The shop cannot see the LMS's tables; it refuses a redemption early from this copy (closed,
    full), and the LMS refuses for good when the enrollment is made. The audits read the
    counts (per mode, paid or free) from here. Written only by ``sync_course_facts``.

    .. no_pii: Dates and counts of a course run.
    """

    course_key = models.CharField(max_length=255, unique=True)
    enrollment_start = models.DateTimeField(null=True, blank=True)
    enrollment_end = models.DateTimeField(null=True, blank=True)
    max_student_enrollments_allowed = models.IntegerField(null=True, blank=True)
    total_enrolled = models.IntegerField(default=0)
    staff_enrolled = models.IntegerField(default=0)
    students_enrolled = models.IntegerField(default=0)
    course_title = models.CharField(max_length=255, blank=True, default="")
    # The LMS's active enrollments per mode: [{"mode_slug", "paid", "students_enrolled",
    # "staff_enrolled"}]. None: stored before the LMS gave them; the audits treat the course as
    # not synced until the next sync.
    modes = models.JSONField(null=True, blank=True)
    synced_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = _("course facts")

    def __str__(self):
        return f"{self.course_key} (synced {self.synced_at:%Y-%m-%d %H:%M})"
