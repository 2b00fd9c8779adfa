"""
``GET /api/discounts/v2/course/{course_key}``: the logged-in learner's discount, signed.
"""
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import extend_schema
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from lms_plugin.api_errors import PluginErrorsMixin
from lms_plugin.discounts import api, errors
from lms_plugin.discounts.rest_api.v2.serializers import CourseUserDiscountSerializer
from lms_plugin.schema import ErrorSerializer


@method_decorator(never_cache, name="dispatch")
class CourseUserDiscountView(PluginErrorsMixin, APIView):
    """
    Whether the requesting learner gets the course's discount, and a short-lived JWT that proves it.

    Session auth serves the ecommerce basket page's cross-origin call (with credentials); JWT auth
    serves services and the MFEs. The JWT is the platform's user JWT with the claims
    ``discount_applicable``, ``discount_percent``, ``course_key`` and ``jti``.
    """

    authentication_classes = (JwtAuthentication, SessionAuthentication)
    permission_classes = (IsAuthenticated,)

    @extend_schema(responses={200: CourseUserDiscountSerializer, 400: ErrorSerializer})
    def get(self, request, course_key_string):
        try:
            course_key = CourseKey.from_string(course_key_string)
        except InvalidKeyError:
            return Response(
                {
                    "error_code": errors.INVALID_COURSE_KEY,
                    "message": _("%(key)r is not a course key.") % {"key": course_key_string},
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        offer = api.create_discount_offer(request.user, course_key)
        return Response(CourseUserDiscountSerializer(offer).data)
