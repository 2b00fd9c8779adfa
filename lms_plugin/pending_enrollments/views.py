"""
The receipt hand-off: ecommerce's receipt links here with the signed token in the URL's
*fragment* (``#token=…``), which browsers never send to a server, so it reaches no access log,
proxy or Referer header. The page's script reads it, POSTs it here (same origin, CSRF-checked)
and sends the learner to the dashboard whatever the answer.
"""
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms_plugin.pending_enrollments import api
from lms_plugin.pending_enrollments.errors import PendingEnrollmentError

log = logging.getLogger(__name__)

SCRIPT = "pending_enrollments/from_receipt.js"


@require_http_methods(["GET", "POST"])
@login_required
def from_receipt(request):
    """
    GET: the page whose script hands the fragment's token over. POST ``token=…``: record the
    pending courses; a bad, foreign or replayed token changes nothing (400 with an error code).
    """
    dashboard = settings.COMMERCE_PENDING_ENROLLMENT_DASHBOARD_URL
    if request.method == "GET":
        response = HttpResponse(format_html(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
            "<title>{}</title></head>"
            '<body data-handoff-url="{}" data-dashboard-url="{}" data-csrf-token="{}">'
            '<p><a id="dashboard-link" href="{}">{}</a></p><script src="{}"></script></body></html>',
            _("Opening your dashboard"), request.path, dashboard, get_token(request), dashboard,
            _("Go to your dashboard"), static(SCRIPT),
        ))
        response["Cache-Control"] = "no-store"
        return response
    try:
        recorded = api.record_from_receipt(request.user, request.POST.get("token", ""))
    except PendingEnrollmentError as exc:
        log.warning("Receipt hand-off for %s refused (%s): %s", request.user.username, exc.error_code, exc.message)
        return JsonResponse({"error_code": exc.error_code, "message": exc.message, "redirect": dashboard}, status=400)
    return JsonResponse({"recorded": [str(course_key) for course_key in recorded], "redirect": dashboard})
