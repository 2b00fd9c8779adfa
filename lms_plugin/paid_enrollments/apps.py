"""
Paid enrollments, LMS side: a course mode with a price makes enrollment require a purchase.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaidEnrollmentsConfig(AppConfig):
    name = "lms_plugin.paid_enrollments"
    label = "commerce_paid_enrollments"
    verbose_name = _("Commerce: paid enrollments")
    default_auto_field = "django.db.models.BigAutoField"
