"""
Views of the course types API v1: parse, check permission, call ``api.py``, serialize.

Reads are open to any authenticated user (JWT or session); writes to staff only.
Errors answer ``{"error_code", "message"}``: 400 for bad input or a broken rule,
404 for an unknown key or slug, 409 for deleting or withdrawing a type in use.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from discovery_plugin.course_types import api, errors
from discovery_plugin.course_types.rest_api.v1 import schema, serializers  # noqa: F401  (schema registers the JWT scheme)

KNOWN_CODES = {value for name, value in vars(errors).items() if name.isupper()}


class IsStaffOrReadOnly(BasePermission):
    """
    Anyone authenticated may read; only staff may write.
    """

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_staff)


def _error(error_code, message, status_code):
    return Response({"error_code": error_code, "message": message}, status=status_code)


def _first_violation(exc):
    """
    ``(error_code, message)`` of the first error in a (possibly aggregated) ValidationError.
    """
    for error in exc.error_list if not hasattr(exc, "error_dict") else sum(exc.error_dict.values(), []):
        code = error.code if error.code in KNOWN_CODES else errors.INVALID_INPUT
        message = error.message % error.params if error.params else error.message
        return code, str(message)
    return errors.INVALID_INPUT, str(exc)


class CourseTypesAPIView(APIView):
    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated, IsStaffOrReadOnly)

    def handle_exception(self, exc):
        if isinstance(exc, api.NotFoundError):
            return _error(errors.NOT_FOUND, str(exc), status.HTTP_404_NOT_FOUND)
        if isinstance(exc, ValidationError):
            code, message = _first_violation(exc)
            status_code = status.HTTP_409_CONFLICT if code == errors.TYPE_IN_USE else status.HTTP_400_BAD_REQUEST
            return _error(code, message, status_code)
        return super().handle_exception(exc)

    def parse(self, serializer_class, data):
        serializer = serializer_class(data=data)
        if not serializer.is_valid():
            raise ValidationError(f"Invalid request: {serializer.errors}", code=errors.INVALID_INPUT)
        return serializer.validated_data


ERRORS = {400: serializers.ErrorSerializer, 404: serializers.ErrorSerializer, 409: serializers.ErrorSerializer}


class ModeListView(CourseTypesAPIView):
    @extend_schema(responses=serializers.ModeSerializer(many=True), summary="List LMS modes")
    def get(self, request):
        return Response(serializers.ModeSerializer(api.list_modes(), many=True).data)


class TrackListView(CourseTypesAPIView):
    @extend_schema(responses=serializers.TrackSerializer(many=True), summary="List tracks (mode + seat type)")
    def get(self, request):
        return Response(serializers.TrackSerializer(api.list_tracks(), many=True).data)


def _track_pairs(tracks):
    return [(track["mode"], track.get("seat_type")) for track in tracks]


class CourseRunTypeListView(CourseTypesAPIView):
    @extend_schema(responses=serializers.CourseRunTypeSerializer(many=True), summary="List course run types")
    def get(self, request):
        return Response(serializers.CourseRunTypeSerializer(api.list_course_run_types(), many=True).data)

    @extend_schema(
        request=serializers.CourseRunTypeWriteSerializer,
        responses={201: serializers.CourseRunTypeSerializer, **ERRORS},
        summary="Create a course run type (staff)",
    )
    def post(self, request):
        data = self.parse(serializers.CourseRunTypeWriteSerializer, request.data)
        run_type = api.save_course_run_type(
            data["slug"], name=data["name"], tracks=_track_pairs(data["tracks"]),
            is_marketable=data["is_marketable"], create=True,
        )
        return Response(serializers.CourseRunTypeSerializer(run_type).data, status=status.HTTP_201_CREATED)


class CourseRunTypeDetailView(CourseTypesAPIView):
    @extend_schema(responses={200: serializers.CourseRunTypeSerializer, 404: serializers.ErrorSerializer})
    def get(self, request, slug):
        return Response(serializers.CourseRunTypeSerializer(api.get_course_run_type(slug)).data)

    @extend_schema(
        request=serializers.CourseRunTypeWriteSerializer(partial=True),
        responses={200: serializers.CourseRunTypeSerializer, **ERRORS},
        summary="Change a course run type's name, tracks or marketability (staff)",
    )
    def patch(self, request, slug):
        serializer = serializers.CourseRunTypeWriteSerializer(data=request.data, partial=True)
        if not serializer.is_valid():
            raise ValidationError(f"Invalid request: {serializer.errors}", code=errors.INVALID_INPUT)
        data = serializer.validated_data
        run_type = api.save_course_run_type(
            slug,
            name=data.get("name"),
            tracks=_track_pairs(data["tracks"]) if "tracks" in data else None,
            is_marketable=data.get("is_marketable") if "is_marketable" in request.data else None,
        )
        return Response(serializers.CourseRunTypeSerializer(run_type).data)

    @extend_schema(responses={204: None, 404: serializers.ErrorSerializer, 409: serializers.ErrorSerializer})
    def delete(self, request, slug):
        api.delete_course_run_type(slug)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CourseTypeListView(CourseTypesAPIView):
    @extend_schema(responses=serializers.CourseTypeSerializer(many=True), summary="List course types")
    def get(self, request):
        return Response(serializers.CourseTypeSerializer(api.list_course_types(), many=True).data)

    @extend_schema(
        request=serializers.CourseTypeWriteSerializer,
        responses={201: serializers.CourseTypeSerializer, **ERRORS},
        summary="Create a course type (staff)",
    )
    def post(self, request):
        data = self.parse(serializers.CourseTypeWriteSerializer, request.data)
        course_type = api.save_course_type(
            data["slug"], name=data["name"], entitlement_seat_types=data["entitlement_seat_types"],
            course_run_types=data["course_run_types"], create=True,
        )
        return Response(serializers.CourseTypeSerializer(course_type).data, status=status.HTTP_201_CREATED)


class CourseTypeDetailView(CourseTypesAPIView):
    @extend_schema(responses={200: serializers.CourseTypeSerializer, 404: serializers.ErrorSerializer})
    def get(self, request, slug):
        return Response(serializers.CourseTypeSerializer(api.get_course_type(slug)).data)

    @extend_schema(
        request=serializers.CourseTypeWriteSerializer(partial=True),
        responses={200: serializers.CourseTypeSerializer, **ERRORS},
        summary="Change a course type's name, allowed run types or entitlements (staff)",
    )
    def patch(self, request, slug):
        serializer = serializers.CourseTypeWriteSerializer(data=request.data, partial=True)
        if not serializer.is_valid():
            raise ValidationError(f"Invalid request: {serializer.errors}", code=errors.INVALID_INPUT)
        data = serializer.validated_data
        given = request.data
        course_type = api.save_course_type(
            slug,
            name=data.get("name"),
            entitlement_seat_types=data.get("entitlement_seat_types") if "entitlement_seat_types" in given else None,
            course_run_types=data.get("course_run_types"),
        )
        return Response(serializers.CourseTypeSerializer(course_type).data)

    @extend_schema(responses={204: None, 404: serializers.ErrorSerializer, 409: serializers.ErrorSerializer})
    def delete(self, request, slug):
        api.delete_course_type(slug)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CourseRequirementsView(CourseTypesAPIView):
    @extend_schema(
        responses={200: serializers.CourseRequirementsSerializer, 404: serializers.ErrorSerializer},
        summary="A course's type, the entitlements it needs, and its runs' requirements",
    )
    def get(self, request, course_key):
        return Response(serializers.CourseRequirementsSerializer(api.course_requirements(course_key)).data)

    @extend_schema(
        request=serializers.CourseTypeAssignmentSerializer,
        responses={200: serializers.CourseRequirementsSerializer, **ERRORS},
        summary="Give a course a course type (staff)",
    )
    def put(self, request, course_key):
        data = self.parse(serializers.CourseTypeAssignmentSerializer, request.data)
        requirements = api.assign_course_type(course_key, data["course_type"])
        return Response(serializers.CourseRequirementsSerializer(requirements).data)


class CourseRunRequirementsPagination(PageNumberPagination):
    page_size_query_param = "page_size"

    def get_page_size(self, request):
        self.page_size = settings.COMMERCE_DISCOVERY_API_PAGE_SIZE
        self.max_page_size = settings.COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE
        return super().get_page_size(request)


class CourseRunRequirementsListView(CourseTypesAPIView):
    pagination_class = CourseRunRequirementsPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("course", str, description="Only the runs of this course key."),
            OpenApiParameter("page", int),
            OpenApiParameter("page_size", int),
        ],
        responses=serializers.CourseRunRequirementsSerializer(many=True),
        summary="Every run's LMS modes and ecommerce seats (paginated; constant query count)",
    )
    def get(self, request):
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(
            api.course_run_requirements_list(request.query_params.get("course") or None), request, view=self
        )
        return paginator.get_paginated_response(serializers.CourseRunRequirementsSerializer(page, many=True).data)


class CourseRunRequirementsView(CourseTypesAPIView):
    @extend_schema(
        responses={200: serializers.CourseRunRequirementsSerializer, 404: serializers.ErrorSerializer},
        summary="The LMS modes and ecommerce seats one run must have",
    )
    def get(self, request, course_run_key):
        return Response(serializers.CourseRunRequirementsSerializer(api.course_run_requirements(course_run_key)).data)

    @extend_schema(
        request=serializers.CourseRunTypeAssignmentSerializer,
        responses={200: serializers.CourseRunRequirementsSerializer, **ERRORS},
        summary="Give a run a course run type (staff)",
    )
    def put(self, request, course_run_key):
        data = self.parse(serializers.CourseRunTypeAssignmentSerializer, request.data)
        requirements = api.assign_course_run_type(course_run_key, data["course_run_type"])
        return Response(serializers.CourseRunRequirementsSerializer(requirements).data)
