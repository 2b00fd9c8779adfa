"""
CCX API v1: v0's list, create, read, update and delete, plus external ids, full updates and async jobs.

Views parse, check permission, call ``lms_plugin.ccx.api`` and serialize. Permissions
are v0's (master-course staff/instructor; the coach reads its own CCX) widened to
trusted services (``lms_plugin.trusted_services``: global staff), who act for other
services such as the ecommerce worker. A write is authorized on the course it acts on:
the body's ``master_course_id`` for a create, the existing CCX's course for an update
or delete, checked again by ``api`` inside the write's transaction (and when a job runs).
"""
from django.http import Http404, QueryDict
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from edx_rest_framework_extensions.paginators import DefaultPagination
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from lms_plugin import platform
from lms_plugin.ccx import api, errors
from lms_plugin.ccx.data import CcxActor
from lms_plugin.ccx.errors import CcxApiError
from lms_plugin.ccx.models import CcxJob
from lms_plugin.trusted_services import is_trusted_service

from .serializers import (
    CcxErrorSerializer,
    CcxJobSerializer,
    CcxPageSerializer,
    CcxPatchSerializer,
    CcxSerializer,
    CcxWriteSerializer,
)

ASYNC_PARAMETER = OpenApiParameter(
    "async", OpenApiTypes.BOOL, description="true: answer 202 with a job (Location: /api/ccx/v1/jobs/{job_id})"
)
ERRORS = {
    400: CcxErrorSerializer, 403: CcxErrorSerializer, 404: CcxErrorSerializer, 409: CcxErrorSerializer,
}
ACCEPTED = {202: OpenApiResponse(CcxJobSerializer, description="Queued; poll the Location.")}


def _error_response(exc):
    return Response(status=exc.http_status, data=exc.body)


def _request_data(request):
    """
    The body as a dict: a JSON object or a form; anything else (an array, a string, bad JSON) is a 400.
    """
    try:
        data = request.data
    except ParseError as exc:
        raise CcxApiError(errors.INVALID_REQUEST_BODY) from exc
    if isinstance(data, QueryDict):
        return data.dict()
    if not isinstance(data, dict):
        raise CcxApiError(errors.INVALID_REQUEST_BODY)
    return dict(data)


def _actor(request):
    return CcxActor(user=request.user, is_trusted_service=is_trusted_service(request))


def _is_async(request):
    return request.query_params.get("async", "").lower() in ("true", "1", "yes")


def _master_course_staff(user, master_course_id):
    """
    v0's IsMasterCourseStaffInstructor: no id refuses, an unparsable id is a 404, else the roles decide.
    """
    if master_course_id is None:
        return False
    try:
        course_key = CourseKey.from_string(str(master_course_id))
    except InvalidKeyError:
        raise Http404() from None
    return platform.is_master_course_staff_or_instructor(user, course_key)


def _job_response(request, job):
    response = Response(status=status.HTTP_202_ACCEPTED, data=_job_data(job))
    response["Location"] = reverse("commerce_lms:ccx_v1:job", kwargs={"job_id": job.job_id})
    return response


def _job_data(job):
    return {
        "job_id": job.job_id,
        "kind": job.kind,
        "status": job.status,
        "ccx": CcxSerializer(job.ccx).data if job.ccx is not None else None,
        "error_code": job.error_code,
    }


class CcxApiView(APIView):
    """
    What every v1 view shares: JWT (services) and session authentication, v0's error bodies.

    A plain APIView: the detail views have no ``get_object``, so DRF's OPTIONS metadata
    describes them without looking an object up.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)

    def handle_exception(self, exc):
        if isinstance(exc, CcxApiError):
            return _error_response(exc)
        return super().handle_exception(exc)


class CcxListView(CcxApiView, GenericAPIView):
    """
    List the CCXs of a master course (or by external id), or create one.
    """

    pagination_class = DefaultPagination
    serializer_class = CcxSerializer

    def check_permissions(self, request):
        super().check_permissions(request)
        if request.method == "OPTIONS" or is_trusted_service(request):
            return
        # The course the request acts on: the listed one (query) or the one created on (body), never the other.
        if request.method == "POST":
            master_course_id = _request_data(request).get("master_course_id")
        else:
            master_course_id = request.query_params.get("master_course_id")
        if not _master_course_staff(request.user, master_course_id):
            self.permission_denied(request)

    @extend_schema(
        parameters=[
            OpenApiParameter("master_course_id", OpenApiTypes.STR, description="Required unless external_id is given."),
            OpenApiParameter("external_id", OpenApiTypes.STR),
            OpenApiParameter("order_by", OpenApiTypes.STR, enum=["id", "display_name"]),
            OpenApiParameter("sort_order", OpenApiTypes.STR, enum=["asc", "desc"]),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("page_size", OpenApiTypes.INT),
        ],
        responses={200: CcxPageSerializer, **ERRORS},
        operation_id="ccx_v1_ccx_list",
    )
    def get(self, request):
        """
        The CCXs of ``master_course_id`` and/or with ``external_id`` (service users may omit the course).
        """
        records = api.list_ccxs(
            master_course_id=request.query_params.get("master_course_id"),
            external_id=request.query_params.get("external_id"),
            order_by=request.query_params.get("order_by"),
            sort_order=request.query_params.get("sort_order"),
        )
        page = self.paginate_queryset(records)
        return self.get_paginated_response(CcxSerializer(page, many=True).data)

    @extend_schema(
        request=CcxWriteSerializer, parameters=[ASYNC_PARAMETER], responses={201: CcxSerializer, **ACCEPTED, **ERRORS}
    )
    def post(self, request):
        """
        Create a CCX as v0 does; ``external_id`` in the body names it (409 if that id is taken).
        """
        data = _request_data(request)
        external_id = data.get("external_id")
        if _is_async(request):
            if external_id is not None:
                api.check_external_id(external_id)
            api.validate_input(data, partial=False)
            return _job_response(request, api.submit_job(_actor(request), CcxJob.Kind.CREATE, data))
        record = api.create(data, external_id=external_id, actor=_actor(request))
        return Response(status=status.HTTP_201_CREATED, data=CcxSerializer(record).data)


class CcxDetailView(CcxApiView):
    """
    Read, fully update (PUT), partially update (PATCH) or delete one CCX by its CCX course id.
    """

    def _authorize(self, request, ccx_course_id):
        """
        v0's IsCourseStaffInstructor; like v0, a CCX that cannot be found refuses everyone but trusted services.
        """
        user = request.user
        if is_trusted_service(request):
            return
        master_course_key = api.master_course_key_of(ccx_course_id)
        if master_course_key is not None:
            if platform.is_master_course_staff_or_instructor(user, master_course_key):
                return
            if request.method in ("GET", "HEAD", "OPTIONS") and api.coach_id_of(ccx_course_id) == user.id:
                return
        raise PermissionDenied()

    @extend_schema(responses={200: CcxSerializer, **ERRORS}, operation_id="ccx_v1_ccx_read")
    def get(self, request, ccx_course_id):
        """
        One CCX.
        """
        self._authorize(request, ccx_course_id)
        return Response(CcxSerializer(api.get(ccx_course_id)).data)

    @extend_schema(
        request=CcxWriteSerializer, parameters=[ASYNC_PARAMETER], responses={200: CcxSerializer, **ACCEPTED, **ERRORS}
    )
    def put(self, request, ccx_course_id):
        """
        Replace the CCX's writable fields (``coach_email``, ``display_name``, ``max_students_allowed`` required).
        """
        return self._update(request, ccx_course_id, partial=False)

    @extend_schema(
        request=CcxPatchSerializer, parameters=[ASYNC_PARAMETER], responses={200: CcxSerializer, **ACCEPTED, **ERRORS}
    )
    def patch(self, request, ccx_course_id):
        """
        Change some of the CCX's fields; answers 200 with the CCX (v0 answers 204).
        """
        return self._update(request, ccx_course_id, partial=True)

    @extend_schema(responses={204: None, **ERRORS}, operation_id="ccx_v1_ccx_delete")
    def delete(self, request, ccx_course_id):
        """
        Delete the CCX as v0 does (its overrides and enrollments with it), and its external id; 204.
        """
        self._authorize(request, ccx_course_id)
        api.delete(ccx_course_id, actor=_actor(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, ccx_course_id, partial):
        self._authorize(request, ccx_course_id)
        data = _request_data(request)
        if _is_async(request):
            record = api.get(ccx_course_id)
            master_course_id = data.get("master_course_id")
            if master_course_id is not None and master_course_id != record.master_course_id:
                raise CcxApiError(errors.MASTER_COURSE_ID_CHANGE_NOT_ALLOWED, 403)
            api.validate_input(data, partial=partial)
            kind = CcxJob.Kind.PARTIAL_UPDATE if partial else CcxJob.Kind.UPDATE
            return _job_response(request, api.submit_job(_actor(request), kind, data, target=ccx_course_id))
        record = api.update(ccx_course_id, data, partial=partial, actor=_actor(request))
        return Response(CcxSerializer(record).data)


class CcxExternalIdView(CcxApiView):
    """
    Read, or create-or-update (PUT, idempotent), the CCX a client named with its own id.
    """

    def _authorize(self, request, external_id, master_course_id=None):
        """
        The existing CCX's course if the id names one, else the course the body creates it on.
        """
        user = request.user
        if is_trusted_service(request):
            return
        master_course_key = api.master_course_key_of_external_id(external_id)
        if master_course_key is not None:
            if platform.is_master_course_staff_or_instructor(user, master_course_key):
                return
        elif _master_course_staff(user, master_course_id):
            return
        raise PermissionDenied()

    @extend_schema(responses={200: CcxSerializer, **ERRORS}, operation_id="ccx_v1_ccx_external_read")
    def get(self, request, external_id):
        """
        The CCX with this external id.
        """
        self._authorize(request, external_id)
        record = api.get_by_external_id(external_id)
        if record is None:
            return Response(status=status.HTTP_404_NOT_FOUND, data={"error_code": "external_id_does_not_exist"})
        return Response(CcxSerializer(record).data)

    @extend_schema(
        request=CcxWriteSerializer,
        parameters=[ASYNC_PARAMETER],
        responses={200: CcxSerializer, 201: CcxSerializer, **ACCEPTED, **ERRORS},
    )
    def put(self, request, external_id):
        """
        Create the CCX (201) or replace its writable fields (200); ``master_course_id`` cannot change.
        """
        data = _request_data(request)
        self._authorize(request, external_id, data.get("master_course_id"))
        if _is_async(request):
            api.check_external_id(external_id)
            api.validate_input(data, partial=False)
            job = api.submit_job(_actor(request), CcxJob.Kind.UPSERT_EXTERNAL, data, target=external_id)
            return _job_response(request, job)
        record, created = api.create_or_update_by_external_id(external_id, data, actor=_actor(request))
        return Response(
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK, data=CcxSerializer(record).data
        )


class CcxJobView(CcxApiView):
    """
    The state of an asynchronous CCX write, for the user who asked for it and for staff.
    """

    @extend_schema(responses={200: CcxJobSerializer, 403: OpenApiTypes.OBJECT, 404: CcxErrorSerializer})
    def get(self, request, job_id):
        """
        ``{"job_id", "kind", "status", "ccx", "error_code"}``.
        """
        job = api.get_job(job_id)
        if job is None:
            return Response(status=status.HTTP_404_NOT_FOUND, data={"error_code": "job_does_not_exist"})
        if job.creator_id != request.user.id and not is_trusted_service(request):
            raise PermissionDenied()
        return Response(_job_data(job))
