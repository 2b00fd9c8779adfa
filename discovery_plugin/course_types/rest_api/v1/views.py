"""
Views of the course types API v1: read-only derivation over course-discovery's own types.

Writes to types stay upstream's (admin, Publisher API), where ``handlers.py`` holds
the rules. Every view names its authentication and permission classes, so
upstream's ``DjangoModelPermissions`` default never applies to views without a
model queryset. Errors answer ``{"error_code", "message"}``.
"""
from django.contrib.sites.shortcuts import get_current_site
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from discovery_plugin import platform
from discovery_plugin.api_errors import PluginErrorsMixin
from discovery_plugin.conf import setting
from discovery_plugin.course_types import api, errors
from discovery_plugin.course_types.rest_api.v1 import serializers


class PartnerNotFound(LookupError):
    pass


class CourseTypesAPIView(PluginErrorsMixin, GenericAPIView):
    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)
    pagination_class = None

    def handle_exception(self, exc):
        if isinstance(exc, api.NotFoundError):
            return _error(errors.NOT_FOUND, str(exc), status.HTTP_404_NOT_FOUND)
        if isinstance(exc, NotFound):
            # The paginator's "Invalid page."
            return _error(errors.NOT_FOUND, str(exc.detail), status.HTTP_404_NOT_FOUND)
        if isinstance(exc, PartnerNotFound):
            return _error(errors.PARTNER_NOT_FOUND, str(exc), status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)

    def partner(self):
        """
        The partner of the request's site: course keys are unique per partner only.
        """
        # Upstream's CurrentSiteMiddleware has set request.site (by host, with django-sites-extensions).
        site = getattr(self.request, "site", None) or get_current_site(self.request)
        partner = platform.partner_for_site(site)
        if partner is None:
            raise PartnerNotFound(f"Site {site.domain} has no partner.")
        return partner

    def respond(self, value, many=False):
        return Response(self.get_serializer(value, many=many).data)


def _error(error_code, message, status_code):
    return Response({"error_code": error_code, "message": message}, status=status_code)


class ModeListView(CourseTypesAPIView):
    serializer_class = serializers.ModeSerializer

    def get(self, request):
        return self.respond(api.list_modes(), many=True)


class TrackListView(CourseTypesAPIView):
    serializer_class = serializers.TrackSerializer

    def get(self, request):
        return self.respond(api.list_tracks(), many=True)


class CourseRunTypeListView(CourseTypesAPIView):
    serializer_class = serializers.CourseRunTypeSerializer

    def get(self, request):
        return self.respond(api.list_course_run_types(), many=True)


class CourseRunTypeDetailView(CourseTypesAPIView):
    serializer_class = serializers.CourseRunTypeSerializer

    def get(self, request, slug):
        return self.respond(api.get_course_run_type(slug))


class CourseTypeListView(CourseTypesAPIView):
    serializer_class = serializers.CourseTypeSerializer

    def get(self, request):
        return self.respond(api.list_course_types(), many=True)


class CourseTypeDetailView(CourseTypesAPIView):
    serializer_class = serializers.CourseTypeSerializer

    def get(self, request, slug):
        return self.respond(api.get_course_type(slug))


class CourseRequirementsView(CourseTypesAPIView):
    serializer_class = serializers.CourseRequirementsSerializer

    def get(self, request, course_key):
        return self.respond(api.course_requirements(self.partner(), course_key))


class CourseRunRequirementsPagination(PageNumberPagination):
    page_size_query_param = "page_size"

    def get_page_size(self, request):
        self.page_size = setting("COMMERCE_DISCOVERY_API_PAGE_SIZE")
        self.max_page_size = setting("COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE")
        return super().get_page_size(request)


class CourseRunRequirementsListView(CourseTypesAPIView):
    """
    The partner's published runs and their requirements, ``?course=`` to narrow to one course; constant queries a page.
    """

    serializer_class = serializers.CourseRunRequirementsSerializer
    pagination_class = CourseRunRequirementsPagination

    def get(self, request):
        runs = api.course_runs(self.partner(), request.query_params.get("course") or None)
        page = self.paginate_queryset(runs)
        return self.get_paginated_response(self.get_serializer(api.requirements_of_runs(page), many=True).data)


class CourseRunRequirementsView(CourseTypesAPIView):
    serializer_class = serializers.CourseRunRequirementsSerializer

    def get(self, request, course_run_key):
        return self.respond(api.course_run_requirements(self.partner(), course_run_key))
