"""
Replica of openedx-platform ``lms/djangoapps/ccx/api/v0/views.py`` (``CCXListView``, ``CCXDetailView``).

The sandbox has no OAuth2 bearer tokens (``BearerAuthenticationAllowInactiveUser``):
JWT and session authentication only. It exists so the plugin's v1 API can be
checked against v0's answers for the same requests.
"""
import json
import logging
from datetime import UTC, datetime

from ccx_keys.locator import CCXLocator
from common.djangoapps.student.models import CourseEnrollment
from common.djangoapps.student.roles import CourseCcxCoachRole
from django.contrib.auth.models import User  # pylint: disable=imported-auth-user
from django.db import transaction
from django.http import Http404
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.core.lib.api import permissions
from openedx.core.lib.courses import get_course_by_id
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from xmodule.modulestore.django import SignalHandler

from lms.djangoapps.ccx.models import CcxFieldOverride, CustomCourseForEdX
from lms.djangoapps.ccx.overrides import override_field_for_ccx
from lms.djangoapps.ccx.utils import add_master_course_staff_to_ccx, assign_staff_role_to_ccx, is_email
from lms.djangoapps.courseware.courses import get_course_chapter_ids
from lms.djangoapps.instructor.enrollment import enroll_email, get_email_params

from .paginators import CCXAPIPagination
from .serializers import CCXCourseSerializer

log = logging.getLogger(__name__)


def get_valid_course(course_id, is_ccx=False, advanced_course_check=False):
    """
    (course object, course key, error code, http status) for a master or CCX course id string.
    """
    if course_id is None:
        return None, None, ("course_id_not_provided" if is_ccx else "master_course_id_not_provided"), 400
    try:
        course_key = CourseKey.from_string(course_id)
    except InvalidKeyError:
        return None, None, "course_id_not_valid", 400
    if not is_ccx:
        try:
            course_object = get_course_by_id(course_key)
        except Http404:
            return None, None, "course_id_does_not_exist", 404
        if advanced_course_check:
            if course_object.id.deprecated:
                return None, None, "deprecated_master_course_id", 400
            if not course_object.enable_ccx:
                return None, None, "ccx_not_enabled_for_master_course", 403
        return course_object, course_key, None, None
    try:
        ccx_id = course_key.ccx
    except AttributeError:
        return None, None, "course_id_not_valid_ccx_id", 400
    try:
        ccx_course = CustomCourseForEdX.objects.get(id=ccx_id, course_id=course_key.to_course_locator())
    except CustomCourseForEdX.DoesNotExist:
        return None, None, "ccx_course_id_does_not_exist", 404
    return ccx_course, course_key, None, None


def get_valid_input(request_data, ignore_missing=False):
    """
    (valid input, field errors) of a create or update body.
    """
    valid_input, field_errors = {}, {}
    if not ignore_missing:
        for field in ("coach_email", "display_name", "max_students_allowed"):
            if field not in request_data:
                field_errors[field] = {"error_code": f"missing_field_{field}"}
        if field_errors:
            return valid_input, field_errors

    coach_email = request_data.get("coach_email")
    if coach_email is not None:
        if is_email(coach_email):
            valid_input["coach_email"] = coach_email
        else:
            field_errors["coach_email"] = {"error_code": "invalid_coach_email"}
    elif "coach_email" in request_data:
        field_errors["coach_email"] = {"error_code": "null_field_coach_email"}

    display_name = request_data.get("display_name")
    if display_name is not None:
        if display_name:
            valid_input["display_name"] = display_name
        else:
            field_errors["display_name"] = {"error_code": "invalid_display_name"}
    elif "display_name" in request_data:
        field_errors["display_name"] = {"error_code": "null_field_display_name"}

    max_students_allowed = request_data.get("max_students_allowed")
    if max_students_allowed is not None:
        try:
            valid_input["max_students_allowed"] = int(max_students_allowed)
        except (TypeError, ValueError):
            field_errors["max_students_allowed"] = {"error_code": "invalid_max_students_allowed"}
    elif "max_students_allowed" in request_data:
        field_errors["max_students_allowed"] = {"error_code": "null_field_max_students_allowed"}

    course_modules = request_data.get("course_modules")
    if course_modules is not None:
        if isinstance(course_modules, list):
            course_modules = list(set(course_modules))
            try:
                for module_id in course_modules:
                    UsageKey.from_string(module_id)
            except InvalidKeyError:
                field_errors["course_modules"] = {"error_code": "invalid_course_module_keys"}
            else:
                valid_input["course_modules"] = course_modules
        else:
            field_errors["course_modules"] = {"error_code": "invalid_course_module_list"}
    elif "course_modules" in request_data:
        valid_input["course_modules"] = None
    return valid_input, field_errors


def valid_course_modules(course_module_list, master_course_key):
    """
    Whether every module of the list is a chapter of the master course.
    """
    return set(course_module_list) <= set(get_course_chapter_ids(master_course_key))


def make_user_coach(user, master_course_key):
    """
    Make ``user`` a CCX coach on the master course (a CCX coach must be one).
    """
    CourseCcxCoachRole(master_course_key).add_users(user)


def _error(http_status, error_code):
    return Response(status=http_status, data={"error_code": error_code})


def _enroll_coach(coach, master_course_object, ccx_course_key, display_name):
    email_params = get_email_params(
        master_course_object, auto_enroll=True, course_key=ccx_course_key, display_name=display_name
    )
    enroll_email(
        course_id=ccx_course_key,
        student_email=coach.email,
        auto_enroll=True,
        message_students=True,
        message_params=email_params,
    )


class CCXListView(GenericAPIView):
    """
    GET the CCXs of a master course (``?master_course_id=``, ``order_by``, ``sort_order``, ``page``); POST a new CCX.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated, permissions.IsMasterCourseStaffInstructor)
    serializer_class = CCXCourseSerializer
    pagination_class = CCXAPIPagination

    def get(self, request):
        master_course_object, master_course_key, error_code, http_status = get_valid_course(
            request.GET.get("master_course_id")
        )
        if master_course_object is None:
            return _error(http_status, error_code)
        queryset = CustomCourseForEdX.objects.filter(course_id=master_course_key)
        order_by = request.query_params.get("order_by")
        if order_by in ("id", "display_name"):
            direction = "-" if request.query_params.get("sort_order") == "desc" else ""
            queryset = queryset.order_by(f"{direction}{order_by}")
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def post(self, request):
        master_course_object, master_course_key, error_code, http_status = get_valid_course(
            request.data.get("master_course_id"), advanced_course_check=True
        )
        if master_course_object is None:
            return _error(http_status, error_code)
        valid_input, field_errors = get_valid_input(request.data)
        if field_errors:
            return Response(status=status.HTTP_400_BAD_REQUEST, data={"field_errors": field_errors})
        try:
            coach = User.objects.get(email=valid_input["coach_email"])
        except User.DoesNotExist:
            return _error(status.HTTP_404_NOT_FOUND, "coach_user_does_not_exist")
        if valid_input.get("course_modules") and not valid_course_modules(
            valid_input["course_modules"], master_course_key
        ):
            return _error(status.HTTP_400_BAD_REQUEST, "course_module_list_not_belonging_to_master_course")

        with transaction.atomic():
            ccx_course_object = CustomCourseForEdX.objects.create(
                course_id=master_course_object.id,
                coach=coach,
                display_name=valid_input["display_name"],
                structure_json=json.dumps(valid_input.get("course_modules")),
            )
            override_field_for_ccx(ccx_course_object, master_course_object, "start", datetime.now(UTC))
            override_field_for_ccx(ccx_course_object, master_course_object, "due", None)
            override_field_for_ccx(
                ccx_course_object,
                master_course_object,
                "max_student_enrollments_allowed",
                valid_input["max_students_allowed"],
            )
            for chapter in master_course_object.get_children():
                override_field_for_ccx(ccx_course_object, chapter, "visible_to_staff_only", True)
                for sequential in chapter.get_children():
                    override_field_for_ccx(ccx_course_object, sequential, "visible_to_staff_only", True)
                    for vertical in sequential.get_children():
                        override_field_for_ccx(ccx_course_object, vertical, "visible_to_staff_only", True)
            make_user_coach(coach, master_course_key)
            ccx_course_key = CCXLocator.from_course_locator(master_course_object.id, str(ccx_course_object.id))
            _enroll_coach(coach, master_course_object, ccx_course_key, ccx_course_object.display_name)
            assign_staff_role_to_ccx(ccx_course_key, coach, master_course_object.id)
            add_master_course_staff_to_ccx(
                master_course_object, ccx_course_key, ccx_course_object.display_name, send_email=False
            )
        serializer = self.get_serializer(ccx_course_object)
        SignalHandler.course_published.send(sender=ccx_course_object, course_key=ccx_course_key)
        return Response(status=status.HTTP_201_CREATED, data=serializer.data)


class CCXDetailView(GenericAPIView):
    """
    GET, PATCH (answers 204) or DELETE one CCX.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated, permissions.IsCourseStaffInstructor)
    serializer_class = CCXCourseSerializer

    def get_object(self, course_id, is_ccx=False):  # pylint: disable=arguments-differ
        course_object, course_key, error_code, http_status = get_valid_course(course_id, is_ccx)
        # As upstream: permission is checked on the (possibly missing) object first.
        self.check_object_permissions(self.request, course_object)
        return course_object, course_key, error_code, http_status

    def get(self, request, ccx_course_id=None, **kwargs):
        ccx_course_object, _, error_code, http_status = self.get_object(ccx_course_id, is_ccx=True)
        if ccx_course_object is None:
            return _error(http_status, error_code)
        return Response(self.get_serializer(ccx_course_object).data)

    def delete(self, request, ccx_course_id=None, **kwargs):
        ccx_course_object, ccx_course_key, error_code, http_status = self.get_object(ccx_course_id, is_ccx=True)
        if ccx_course_object is None:
            return _error(http_status, error_code)
        ccx_course_overview = CourseOverview.get_from_id(ccx_course_key)
        with transaction.atomic():
            CcxFieldOverride.objects.filter(ccx=ccx_course_object).delete()
            CourseEnrollment.objects.filter(course_id=ccx_course_key).delete()
            ccx_course_overview.delete()
            ccx_course_object.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    def patch(self, request, ccx_course_id=None, **kwargs):
        ccx_course_object, ccx_course_key, error_code, http_status = self.get_object(ccx_course_id, is_ccx=True)
        if ccx_course_object is None:
            return _error(http_status, error_code)
        master_course_id = request.data.get("master_course_id")
        if master_course_id is not None and str(ccx_course_object.course_id) != master_course_id:
            return _error(status.HTTP_403_FORBIDDEN, "master_course_id_change_not_allowed")
        valid_input, field_errors = get_valid_input(request.data, ignore_missing=True)
        if field_errors:
            return Response(status=status.HTTP_400_BAD_REQUEST, data={"field_errors": field_errors})
        master_course_object, master_course_key, _, _ = get_valid_course(str(ccx_course_object.course_id))

        with transaction.atomic():
            if "display_name" in valid_input:
                ccx_course_object.display_name = valid_input["display_name"]
            old_coach = None
            if "coach_email" in valid_input:
                try:
                    coach = User.objects.get(email=valid_input["coach_email"])
                except User.DoesNotExist:
                    return _error(status.HTTP_404_NOT_FOUND, "coach_user_does_not_exist")
                if ccx_course_object.coach.id != coach.id:
                    old_coach = ccx_course_object.coach
                    ccx_course_object.coach = coach
            if "course_modules" in valid_input:
                if valid_input.get("course_modules") and not valid_course_modules(
                    valid_input["course_modules"], master_course_key
                ):
                    return _error(status.HTTP_400_BAD_REQUEST, "course_module_list_not_belonging_to_master_course")
                ccx_course_object.structure_json = json.dumps(valid_input.get("course_modules"))
            ccx_course_object.save()
            if "max_students_allowed" in valid_input:
                override_field_for_ccx(
                    ccx_course_object,
                    ccx_course_object.course,
                    "max_student_enrollments_allowed",
                    valid_input["max_students_allowed"],
                )
            if old_coach is not None:
                make_user_coach(coach, master_course_key)
                _enroll_coach(coach, master_course_object, ccx_course_key, ccx_course_object.display_name)
                assign_staff_role_to_ccx(ccx_course_key, coach, master_course_object.id)
        SignalHandler.course_published.send(sender=ccx_course_object, course_key=ccx_course_key)
        return Response(status=status.HTTP_204_NO_CONTENT)
