"""
GET /api/pending_enrollments/v1/status/?course_id=...: what the dashboard's script polls.
POST /api/pending_enrollments/v1/fulfillment/: ecommerce reports an order's fulfillment state.
"""
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import ParseError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from lms_plugin.api_errors import PluginErrorsMixin
from lms_plugin.pending_enrollments import api, errors
from lms_plugin.pending_enrollments.errors import PendingEnrollmentError
from lms_plugin.trusted_services import IsTrustedService


def _serialize(status):
    return {
        "course_id": status.course_id,
        "status": status.status,
        "mode": status.mode,
        "mode_name": status.mode_name,
        "has_access": status.has_access,
        "created": status.created.isoformat() if status.created else None,
        "fulfillment_failed": status.fulfillment_failed,
        "failed_at": status.failed_at.isoformat() if status.failed_at else None,
        "course_name": status.course_name,
        "course_url": status.course_url,
    }


class PendingEnrollmentStatusView(PluginErrorsMixin, APIView):
    """
    The requesting learner's pending enrollments, or the state of each ``course_id`` asked for:
    ``{"results": [{"course_id", "status": "pending"|"active"|"none", "mode", "mode_name", "has_access", "created",
    "fulfillment_failed", "failed_at", "course_name", "course_url"}]}``. ``fulfillment_failed`` is true
    on a pending entry whose fulfillment failed for good (support has been told); ``status`` stays
    ``pending`` for it. ``course_name``/``course_url`` let a dashboard show a course it does not list
    yet (``course_url`` is the platform's course home URL).
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)

    @extend_schema(parameters=[OpenApiParameter(
        "course_id", str, many=True, description="Course keys to report on (repeatable); default: the pending ones.",
    )])
    def get(self, request):
        course_ids = request.GET.getlist("course_id") or None
        try:
            statuses = api.statuses_for_user(request.user, course_ids)
        except InvalidKeyError:
            return Response(
                {"error_code": errors.INVALID_COURSE_ID, "message": _("A course_id is not a course key.")}, status=400
            )
        response = Response({"results": [_serialize(status) for status in statuses]})
        response["Cache-Control"] = "no-store"
        return response


class _Enrollment(serializers.Serializer):
    course_id = serializers.CharField(max_length=255)
    mode = serializers.CharField(max_length=100)

    def validate_course_id(self, value):
        try:
            return CourseKey.from_string(value)
        except InvalidKeyError as exc:
            raise serializers.ValidationError(_("Not a course key.")) from exc


class _FulfillmentReport(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    order_number = serializers.CharField(max_length=128)
    state = serializers.ChoiceField(choices=api.FULFILLMENT_STATES)
    enrollments = _Enrollment(many=True, allow_empty=False, max_length=100)


class FulfillmentStateView(PluginErrorsMixin, APIView):
    """
    ``POST {"username", "order_number", "state": "failed"|"pending"|"cancelled", "enrollments":
    [{"course_id", "mode"}]}``: the ecommerce worker says an order's seat lines failed for good,
    are retried by staff, or were refunded. Trusted services only (global staff). Idempotent.
    Answers the learner's status of each course, as the status endpoint does.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated, IsTrustedService)

    def handle_exception(self, exc):
        if isinstance(exc, ParseError):
            return Response({"error_code": errors.INVALID_REQUEST, "message": str(exc.detail)}, status=400)
        return super().handle_exception(exc)

    def post(self, request):
        if not isinstance(request.data, dict):
            return Response({"error_code": errors.INVALID_REQUEST, "message": _("The body must be an object.")},
                            status=400)
        report = _FulfillmentReport(data=request.data)
        if not report.is_valid():
            return Response({"error_code": errors.INVALID_REQUEST, "message": _("Invalid report."),
                             "field_errors": report.errors}, status=400)
        data = report.validated_data
        try:
            statuses = api.report_fulfillment(
                data["username"], data["order_number"], data["state"],
                [(item["course_id"], item["mode"]) for item in data["enrollments"]],
            )
        except PendingEnrollmentError as exc:
            return Response({"error_code": exc.error_code, "message": exc.message}, status=400)
        return Response({"results": [_serialize(status) for status in statuses]})
