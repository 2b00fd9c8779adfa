"""
Pending enrollments: a course paid for but not yet fulfilled shows on the learner's dashboard at once.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PendingEnrollmentsConfig(AppConfig):
    name = "lms_plugin.pending_enrollments"
    label = "commerce_pending_enrollments"
    verbose_name = _("Commerce: pending enrollments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings  # noqa: PLC0415

        from lms_plugin.pending_enrollments.handoff import check_secret  # noqa: PLC0415

        check_secret(settings.COMMERCE_PENDING_ENROLLMENT_SECRET)
        from openedx_events.learning.signals import COURSE_ENROLLMENT_CHANGED, COURSE_ENROLLMENT_CREATED  # noqa: PLC0415

        from lms_plugin.pending_enrollments import handlers  # noqa: PLC0415

        COURSE_ENROLLMENT_CREATED.connect(handlers.clear_on_enrollment, dispatch_uid="commerce_pending.created")
        COURSE_ENROLLMENT_CHANGED.connect(handlers.clear_on_enrollment, dispatch_uid="commerce_pending.changed")
