"""
Paid enrollments, LMS side: a course mode with a price makes enrollment require a purchase.
"""
from django.apps import AppConfig


class PaidEnrollmentsConfig(AppConfig):
    name = "lms_plugin.paid_enrollments"
    label = "commerce_paid_enrollments"
    verbose_name = "Commerce: paid enrollments"
    default_auto_field = "django.db.models.BigAutoField"
