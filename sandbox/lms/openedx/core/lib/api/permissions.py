"""
Replica of openedx-platform ``openedx/core/lib/api/permissions.py`` (the course permission classes the CCX API uses,
and ``ApiKeyHeaderPermission``, which the commerce API v1 accepts besides model permissions).
"""
from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole
from django.conf import settings
from django.http import Http404
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey
from rest_framework import permissions


class ApiKeyHeaderPermission(permissions.BasePermission):
    """
    The request carries ``settings.EDX_API_KEY`` in its ``X-Edx-Api-Key`` header (no key set: never).
    """

    def has_permission(self, request, view):
        api_key = getattr(settings, "EDX_API_KEY", None)
        return api_key is not None and request.META.get("HTTP_X_EDX_API_KEY") == api_key


class IsCourseStaffInstructor(permissions.BasePermission):
    """
    The user is staff or instructor of the object's (master) course, or, for safe methods, the object's coach.
    """

    def has_object_permission(self, request, view, obj):
        if not hasattr(request, "user"):
            return False
        course_id = getattr(obj, "course_id", None)
        if course_id is not None and (
            CourseInstructorRole(course_id).has_user(request.user) or CourseStaffRole(course_id).has_user(request.user)
        ):
            return True
        return request.method in permissions.SAFE_METHODS and getattr(obj, "coach", None) == request.user


class IsMasterCourseStaffInstructor(permissions.BasePermission):
    """
    The user is staff or instructor of the course named by ``master_course_id`` (query string, form or JSON body).
    """

    def has_permission(self, request, view):
        master_course_id = (
            request.GET.get("master_course_id")
            or request.POST.get("master_course_id")
            or request.data.get("master_course_id")
        )
        if master_course_id is None:
            return False
        try:
            course_key = CourseKey.from_string(master_course_id)
        except InvalidKeyError:
            raise Http404()  # noqa: B904  (upstream answers an unparsable key with a bare 404)
        return hasattr(request, "user") and (
            CourseInstructorRole(course_key).has_user(request.user) or CourseStaffRole(course_key).has_user(request.user)
        )
