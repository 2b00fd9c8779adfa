"""
openedx-filters steps of paid enrollments.
"""
from django.utils.translation import gettext as _
from openedx_filters import PipelineStep
from openedx_filters.learning.filters import CourseEnrollmentStarted

from lms_plugin import platform
from lms_plugin.paid_enrollments import api, errors


class PaidModeRequiresPurchase(PipelineStep):
    """
    ``CourseEnrollmentStarted`` step: a learner cannot enroll themselves in a mode with a price.

    The purchase enrolls them instead: the ecommerce service's fulfillment (or a redeemed
    registration code) calls the enrollment API as its service user, which this step lets
    through, as it lets through course staff and server code. The refusal carries the
    ``purchase_required`` code so the caller can send the learner to the shop.
    """

    def run_filter(self, user, course_key, mode):  # pylint: disable=arguments-differ
        if api.requires_purchase(platform.requesting_user(), course_key, mode):
            overview = platform.course_overview_or_none(course_key)
            raise CourseEnrollmentStarted.PreventEnrollment(
                f"{errors.PURCHASE_REQUIRED}: "
                + _("enrolling in %(course)s (%(mode)s) requires a purchase.")
                % {"course": getattr(overview, "display_name", None) or course_key, "mode": mode or _("default mode")}
            )
        return {"user": user, "course_key": course_key, "mode": mode}
