"""
Replica of openedx-platform ``lms/djangoapps/commerce/api/v1/views.py`` (e57a655d77b614f19223984e9805b1fb940ab192): the course list and
the course retrieve/update view Otto's publisher ``PUT``s a course's modes to.

Not replicated: ``OrderView`` (it proxies to the ecommerce service); ``BearerAuthentication``
(django-oauth-toolkit bearer tokens, which the sandbox does not issue).
"""
from common.djangoapps.course_modes.models import CourseMode
from django.http import Http404
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from openedx.core.lib.api.mixins import PutAsCreateMixin
from rest_framework.authentication import SessionAuthentication
from rest_framework.generics import ListAPIView, RetrieveUpdateAPIView
from rest_framework.permissions import IsAuthenticated

from .models import Course
from .permissions import ApiKeyOrModelPermission
from .serializers import CourseSerializer


class CourseListView(ListAPIView):
    """List courses and modes."""

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)
    serializer_class = CourseSerializer
    pagination_class = None

    def get_queryset(self):
        return list(Course.iterator())


class CourseRetrieveUpdateView(PutAsCreateMixin, RetrieveUpdateAPIView):
    """Retrieve, update, or create courses/modes."""

    lookup_field = "id"
    lookup_url_kwarg = "course_id"
    model = CourseMode
    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (ApiKeyOrModelPermission,)
    serializer_class = CourseSerializer
    queryset = CourseMode.objects.all()

    def get_object(self, queryset=None):  # noqa: ARG002
        course = Course.get(self.kwargs.get(self.lookup_url_kwarg))
        if course:
            return course
        raise Http404

    def pre_save(self, obj):
        pass
