"""
GET /api/pending_enrollments/v1/status/?course_id=...: what the dashboard's script polls.
"""
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from opaque_keys import InvalidKeyError
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from lms_plugin.pending_enrollments import api, errors


def _serialize(status):
    return {
        "course_id": status.course_id,
        "status": status.status,
        "mode": status.mode,
        "has_access": status.has_access,
        "created": status.created.isoformat() if status.created else None,
    }


class PendingEnrollmentStatusView(APIView):
    """
    The requesting learner's pending enrollments, or the state of each ``course_id`` asked for:
    ``{"results": [{"course_id", "status": "pending"|"active"|"none", "mode", "has_access", "created"}]}``.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)

    def get(self, request):
        course_ids = request.GET.getlist("course_id") or None
        try:
            statuses = api.statuses_for_user(request.user, course_ids)
        except InvalidKeyError:
            return Response(
                {"error_code": errors.INVALID_COURSE_ID, "message": "A course_id is not a course key."}, status=400
            )
        response = Response({"results": [_serialize(status) for status in statuses]})
        response["Cache-Control"] = "no-store"
        return response
