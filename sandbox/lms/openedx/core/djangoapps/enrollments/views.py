"""
Replica of openedx-platform ``openedx/core/djangoapps/enrollments/views.py`` (subset: ``EnrollmentView``, ``EnrollmentListView``, ``EnrollmentCourseDetailView``).

Upstream's embargo, enterprise, cohort, email opt-in, enrollment attributes and
throttling are not replicated. Authentication is JWT (edx-drf-extensions) or
the session (CSRF enforced); upstream also accepts OAuth2 bearer tokens.
"""
import logging

from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.roles import CourseStaffRole, GlobalStaff
from django.conf import settings
from django.contrib.auth import get_user_model
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from openedx.core.djangoapps.enrollments import api
from openedx.core.djangoapps.enrollments.errors import (
    CourseEnrollmentError,
    CourseEnrollmentExistsError,
    CourseModeNotFoundError,
)
from openedx.core.lib.exceptions import CourseNotFoundError

log = logging.getLogger(__name__)
User = get_user_model()


class ApiKeyPermissionMixIn:
    """
    Lets server-to-server callers present ``settings.EDX_API_KEY`` in the ``X-Edx-Api-Key`` header, as upstream.
    """

    def has_api_key_permissions(self, request):
        api_key = getattr(settings, "EDX_API_KEY", None)
        return bool(api_key) and request.META.get("HTTP_X_EDX_API_KEY") == api_key


class ApiKeyHeaderPermissionIsAuthenticated(IsAuthenticated):
    """
    openedx-platform ``openedx/core/lib/api/permissions.py``: the ``X-Edx-Api-Key`` header
    (``settings.EDX_API_KEY``) or an authenticated user. Otto's enrollment fulfillment module
    calls with the key alone.
    """

    def has_permission(self, request, view):
        api_key = getattr(settings, "EDX_API_KEY", None)
        if api_key is not None and request.META.get("HTTP_X_EDX_API_KEY") == api_key:
            log.info("ApiKeyHeaderPermission used for %s", request.path)
            return True
        return super().has_permission(request, view)


class EnrollmentView(APIView, ApiKeyPermissionMixIn):
    """
    GET /api/enrollment/v1/enrollment/{username},{course_id} (or {course_id} for the requesting user).

    Answers the enrollment (``null`` when there is none). Other users' enrollments
    are visible to global staff only; anyone else gets 404.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)

    def get(self, request, course_id=None, username=None):
        username = username or request.user.username
        if (
            request.user.username != username
            and not self.has_api_key_permissions(request)
            and not GlobalStaff().has_user(request.user)
        ):
            # Return a 404 instead of a 403 (Unauthorized). If one user is looking up
            # other users, do not let them deduce the existence of an enrollment.
            return Response(status=status.HTTP_404_NOT_FOUND)
        try:
            return Response(api.get_enrollment(username, course_id))
        except (CourseEnrollmentError, InvalidKeyError):
            return Response(
                status=status.HTTP_400_BAD_REQUEST,
                data={
                    "message": (
                        f"An error occurred while retrieving enrollments for user '{username}' in course '{course_id}'"
                    )
                },
            )


class EnrollmentCourseDetailView(APIView):
    """
    GET /api/enrollment/v1/course/{course_id}: the course's enrollment details and modes (public).
    """

    authentication_classes = []
    permission_classes = []

    def get(self, request, course_id=None):
        include_expired = bool(request.GET.get("include_expired", ""))
        try:
            return Response(api.get_course_enrollment_details(course_id, include_expired))
        except (CourseNotFoundError, InvalidKeyError):
            return Response(
                status=status.HTTP_400_BAD_REQUEST,
                data={"message": f"No enrollment information found for course {course_id}"},
            )


class EnrollmentListView(APIView, ApiKeyPermissionMixIn):
    """
    GET /api/enrollment/v1/enrollment[?user=username]: a user's active enrollments.

    POST /api/enrollment/v1/enrollment with
    ``{"user": username, "mode": slug, "is_active": bool, "course_details": {"course_id": id}}``
    enrolls a user. Users may enroll themselves in free modes; global staff (which
    includes service users) may enroll anyone in any mode and change the mode or
    activation of an existing enrollment. Re-posting an existing enrollment
    answers it unchanged (200).
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (ApiKeyHeaderPermissionIsAuthenticated,)

    def get(self, request):
        username = request.GET.get("user", request.user.username)
        try:
            enrollment_data = api.get_enrollments(username)
        except CourseEnrollmentError:
            return Response(
                status=status.HTTP_400_BAD_REQUEST,
                data={"message": f"An error occurred while retrieving enrollments for user {username}"},
            )
        if (
            username == request.user.username
            or GlobalStaff().has_user(request.user)
            or self.has_api_key_permissions(request)
        ):
            return Response(enrollment_data)
        filtered_data = []
        for enrollment in enrollment_data:
            course_key = CourseKey.from_string(enrollment["course_details"]["course_id"])
            if CourseStaffRole(course_key).has_user(request.user):
                filtered_data.append(enrollment)
        return Response(filtered_data)

    def post(self, request):  # pylint: disable=too-many-return-statements
        username = request.data.get("user", request.user.username)
        course_id = (request.data.get("course_details") or {}).get("course_id")
        if not course_id:
            return Response(
                status=status.HTTP_400_BAD_REQUEST,
                data={"message": "Course ID must be specified to create a new enrollment."},
            )
        try:
            course_id = CourseKey.from_string(course_id)
        except InvalidKeyError:
            return Response(
                status=status.HTTP_400_BAD_REQUEST, data={"message": f"No course '{course_id}' found for enrollment"}
            )

        mode = request.data.get("mode")
        has_api_key_permissions = self.has_api_key_permissions(request)
        is_staff = GlobalStaff().has_user(request.user)
        if not username:
            username = request.user.username
        if username != request.user.username and not has_api_key_permissions and not is_staff:
            # Return a 404 instead of a 403 (Unauthorized). If one user is looking up
            # other users, do not let them deduce the existence of an enrollment.
            return Response(status=status.HTTP_404_NOT_FOUND)
        if mode not in (CourseMode.AUDIT, CourseMode.HONOR, None) and not has_api_key_permissions and not is_staff:
            return Response(
                status=status.HTTP_403_FORBIDDEN,
                data={"message": f"User does not have permission to create enrollment with mode [{mode}]."},
            )
        if not User.objects.filter(username=username).exists():
            return Response(
                status=status.HTTP_406_NOT_ACCEPTABLE, data={"message": f"The user {username} does not exist."}
            )

        try:
            is_active = request.data.get("is_active")
            # Check if the requested activation status is None or a Boolean
            if is_active is not None and not isinstance(is_active, bool):
                return Response(
                    status=status.HTTP_400_BAD_REQUEST,
                    data={"message": f"'{is_active}' is an invalid enrollment activation status."},
                )
            enrollment = api.get_enrollment(username, str(course_id))
            mode_changed = enrollment and mode is not None and enrollment["mode"] != mode
            active_changed = enrollment and is_active is not None and enrollment["is_active"] != is_active
            if (is_staff or has_api_key_permissions) and (mode_changed or active_changed):
                if mode_changed and active_changed and not is_active:
                    # if the requester wanted to deactivate but specified the wrong mode, fail
                    msg = (
                        f"Enrollment mode mismatch: active mode={enrollment['mode']}, requested mode={mode}. "
                        "Won't deactivate."
                    )
                    log.warning(msg)
                    return Response(status=status.HTTP_400_BAD_REQUEST, data={"message": msg})
                response = api.update_enrollment(
                    username, str(course_id), mode=mode, is_active=is_active, include_expired=has_api_key_permissions
                )
            else:
                # Will reactivate inactive enrollments.
                response = api.add_enrollment(username, str(course_id), mode=mode, is_active=is_active)
            return Response(response)
        except CourseModeNotFoundError as error:
            return Response(
                status=status.HTTP_400_BAD_REQUEST,
                data={
                    "message": (
                        f"The [{mode}] course mode is expired or otherwise unavailable for course run [{course_id}]."
                    ),
                    "course_details": error.data,
                },
            )
        except CourseNotFoundError:
            return Response(
                status=status.HTTP_400_BAD_REQUEST, data={"message": f"No course '{course_id}' found for enrollment"}
            )
        except CourseEnrollmentExistsError as error:
            log.warning("An enrollment already exists for user [%s] in course run [%s].", username, course_id)
            return Response(data=error.enrollment)
        except CourseEnrollmentError:
            log.exception("An error occurred while creating the new course enrollment for user [%s] in course run [%s]", username, course_id)
            return Response(
                status=status.HTTP_400_BAD_REQUEST,
                data={
                    "message": (
                        "An error occurred while creating the new course enrollment for user "
                        f"[{username}] in course run [{course_id}]"
                    )
                },
            )
