"""
Replica of openedx-platform ``lms/djangoapps/learner_home/views.py`` (``InitializeView``, subset).

Upstream gathers the learner's active enrollments (``get_course_enrollments`` from the legacy
dashboard module) and a dozen context dictionaries, then serializes them with
``LearnerDashboardSerializer``; the sandbox keeps the enrollments and the serializer, whose
``EnrollmentSerializer`` runs ``CourseEnrollmentAPIRenderStarted``.
"""
from common.djangoapps.student.views.dashboard import get_course_enrollments
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from lms.djangoapps.learner_home.serializers import LearnerDashboardSerializer


class InitializeView(APIView):
    """Load information required for displaying the learner home"""

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)

    def get(self, request, *args, **kwargs):
        course_enrollments = list(get_course_enrollments(request.user))
        return Response(LearnerDashboardSerializer({"courses": course_enrollments}).data)
