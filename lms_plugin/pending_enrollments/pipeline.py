"""
openedx-filters steps: the learner's dashboards show a course paid for but not yet fulfilled.

``CourseEnrollmentAPIRenderStarted`` (learner home, one call per listed enrollment) adds the
pending fields to the enrollment's data; ``DashboardRenderStarted`` (legacy dashboard) adds the
pending courses the learner has no enrollment in yet, the pending state of those being
upgraded, and the script that turns them active in place.
"""
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from openedx_filters import PipelineStep

from lms_plugin import platform
from lms_plugin.pending_enrollments import api
from lms_plugin.pending_enrollments.data import PENDING

PENDING_NOTE = _("Payment received. Your enrollment is being processed; the course opens as soon as it is ready.")
UPGRADE_NOTE = _("Payment received. Your upgrade is being processed.")
FAILED_NOTE = _(
    "We could not enroll you in this course. Our support team has been told and will contact you; "
    "you do not need to pay again."
)
# What the dashboard's script shows and announces as it polls; "{course_name}" is the course's name.
SLOW_NOTE = _("This is taking longer than usual. You can leave this page; your purchase is safe and we will finish it.")
STOPPED_NOTE = _("Still processing. Reload this page later to see your course.")
READY_ANNOUNCEMENT = _("{course_name} is ready.")
UPGRADE_ANNOUNCEMENT = _("Your upgrade in {course_name} is complete.")
FAILED_ANNOUNCEMENT = _("We could not enroll you in {course_name}.")


def script_messages():
    """
    The polling script's texts, as ``data-pending-*`` attribute name -> text (the templates write
    them on the element that carries the status URL).
    """
    return {
        "data-pending-failed-note": str(FAILED_NOTE),
        "data-pending-slow-note": str(SLOW_NOTE),
        "data-pending-stopped-note": str(STOPPED_NOTE),
        "data-pending-ready-announcement": str(READY_ANNOUNCEMENT),
        "data-pending-upgrade-announcement": str(UPGRADE_ANNOUNCEMENT),
        "data-pending-failed-announcement": str(FAILED_ANNOUNCEMENT),
    }


def note_for(status):
    if status.fulfillment_failed:
        return str(FAILED_NOTE)
    return str(UPGRADE_NOTE if status.has_access else PENDING_NOTE)
SCRIPT = "pending_enrollments/pending_enrollments.js"
_REQUEST_CACHE = "_commerce_pending_statuses"


def status_url():
    return reverse("commerce_lms:pending-enrollments-status")


def _pending_by_course(user):
    """
    The user's pending statuses by course id, read once per request (learner home calls the
    enrollment step once per enrollment).
    """
    request = platform.current_request()
    cached = getattr(request, _REQUEST_CACHE, None) if request is not None else None
    if cached is None:
        cached = {status.course_id: status for status in api.pending_for_user(user)}
        if request is not None:
            setattr(request, _REQUEST_CACHE, cached)
    return cached


class AddPendingStatusToEnrollment(PipelineStep):
    """
    Learner home: ``isPending``, ``pendingMode``, ``pendingNote``, ``pendingFailed``, ``pendingStatusUrl``
    on the enrollment (``pendingFailed``: fulfillment failed for good, the note says support was told).
    """

    def run_filter(self, course_key, serialized_enrollment):  # pylint: disable=arguments-differ
        user = platform.requesting_user()
        data = dict(serialized_enrollment or {})
        status = _pending_by_course(user).get(str(course_key)) if user is not None and user.is_authenticated else None
        data["isPending"] = status is not None and status.status == PENDING
        if data["isPending"]:
            data["pendingMode"] = status.mode
            data["pendingNote"] = note_for(status)
            data["pendingFailed"] = status.fulfillment_failed
            data["pendingStatusUrl"] = f"{status_url()}?course_id={course_key}"
        return {"course_key": course_key, "serialized_enrollment": data}


class AddPendingEnrollmentsToDashboard(PipelineStep):
    """
    Legacy dashboard: ``commerce_pending_enrollments`` (courses paid for, no enrollment yet: shown
    with the course link disabled), ``commerce_pending_upgrades`` (course id -> note, for listed
    enrollments being upgraded), the URLs of the status endpoint and the polling script, and the
    script's texts (``commerce_pending_script_messages``, attribute name -> text).
    """

    def run_filter(self, context, template_name):  # pylint: disable=arguments-differ
        user = context.get("user") or platform.requesting_user()
        if user is None or not user.is_authenticated:
            return {"context": context, "template_name": template_name}
        pending = [status for status in _pending_by_course(user).values() if status.status == PENDING]
        new, upgrades = [], {}
        for status in pending:
            if status.has_access:
                upgrades[status.course_id] = note_for(status)
                continue
            new.append({
                "course_id": status.course_id,
                "display_name": status.course_name,
                "mode": status.mode,
                "note": note_for(status),
                "state": "failed" if status.fulfillment_failed else "pending",
                "course_url": status.course_url,
            })
        context = dict(context)
        context["commerce_pending_enrollments"] = new
        context["commerce_pending_upgrades"] = upgrades
        context["commerce_pending_status_url"] = status_url()
        context["commerce_pending_script_url"] = static(SCRIPT)
        context["commerce_pending_failed_note"] = str(FAILED_NOTE)
        context["commerce_pending_script_messages"] = script_messages()
        return {"context": context, "template_name": template_name}
