"""
``GET /api/commerce/paid-enrollments/v1/courses/{course_key}/``: what the ecommerce service
must know about a course run to sell and redeem seats (open? full?) and to audit it (counts,
staff). Trusted services (global staff, see ``lms_plugin.trusted_services``) only: it names the
course's staff.
"""
from dataclasses import asdict

from django.utils.translation import gettext as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from lms_plugin.api_errors import PluginErrorsMixin
from lms_plugin.paid_enrollments import api, errors
from lms_plugin.trusted_services import IsTrustedService


class CourseEnrollmentFactsView(PluginErrorsMixin, APIView):
    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated, IsTrustedService)

    def get(self, request, course_key):
        try:
            key = CourseKey.from_string(course_key)
        except InvalidKeyError:
            return Response(
                {
                    "error_code": errors.INVALID_COURSE_KEY,
                    "message": _("%(key)r is not a course key.") % {"key": course_key},
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        facts = api.course_enrollment_facts(key)
        if facts is None:
            return Response(
                {"error_code": errors.COURSE_NOT_FOUND, "message": _("No course %(key)s.") % {"key": course_key}},
                status=status.HTTP_404_NOT_FOUND,
            )
        return Response(asdict(facts))
