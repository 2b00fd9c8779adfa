"""
The receipt hand-off: ecommerce's receipt links here with a signed token; we record the pending
courses and send the learner to the dashboard.
"""
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from lms_plugin.pending_enrollments import api
from lms_plugin.pending_enrollments.errors import PendingEnrollmentError

log = logging.getLogger(__name__)


@require_GET
@login_required
def from_receipt(request):
    """
    GET ?token=...: a bad or foreign token changes nothing; the learner lands on the dashboard anyway.
    """
    try:
        api.record_from_receipt(request.user, request.GET.get("token", ""))
    except PendingEnrollmentError as exc:
        log.warning("Receipt hand-off for %s refused (%s): %s", request.user.username, exc.error_code, exc.message)
    return redirect(settings.COMMERCE_PENDING_ENROLLMENT_DASHBOARD_URL)
