"""
Replica of openedx-platform ``lms/djangoapps/learner_home/serializers.py`` (subset).

``EnrollmentSerializer.to_representation`` runs ``CourseEnrollmentAPIRenderStarted`` on each
serialized enrollment, as upstream does. Not replicated: certificates, entitlements, programs,
grade data, courseware access checks, upgrade and email fields that read the platform's
context dictionaries. ``homeUrl`` is ``course_home_url(course_id)``, as upstream at
e57a655d77b614f19223984e9805b1fb940ab192.
"""
from common.djangoapps.course_modes.models import CourseMode
from openedx.features.course_experience import course_home_url
from openedx_filters.learning.filters import CourseEnrollmentAPIRenderStarted
from rest_framework import serializers


class CourseSerializer(serializers.Serializer):
    """Course header information, derived from a CourseOverview"""

    courseName = serializers.CharField(source="display_name_with_default")
    courseNumber = serializers.CharField(source="display_number_with_default")


class CourseRunSerializer(serializers.Serializer):
    """Information about a course run (subset)."""

    courseId = serializers.CharField(source="course_id")
    homeUrl = serializers.SerializerMethodField()

    def get_homeUrl(self, instance):
        return course_home_url(instance.course_id)


class EnrollmentSerializer(serializers.Serializer):
    """Info about this particular enrollment (subset)."""

    isAudit = serializers.SerializerMethodField()
    isVerified = serializers.SerializerMethodField()
    lastEnrolled = serializers.DateTimeField(source="created")
    isEnrolled = serializers.BooleanField(source="is_active")
    mode = serializers.CharField()

    def get_isAudit(self, enrollment):
        return enrollment.mode in CourseMode.AUDIT_MODES

    def get_isVerified(self, enrollment):
        return enrollment.is_verified_enrollment()

    def to_representation(self, instance):
        serialized_enrollment = super().to_representation(instance)
        # .. filter_implemented_name: CourseEnrollmentAPIRenderStarted
        # .. filter_type: org.openedx.learning.home.enrollment.api.rendered.v1
        _, serialized_enrollment = CourseEnrollmentAPIRenderStarted.run_filter(
            instance.course_id, serialized_enrollment
        )
        return serialized_enrollment


class LearnerEnrollmentSerializer(serializers.Serializer):
    """Info for displaying an enrollment on the learner dashboard (subset)."""

    course = CourseSerializer(source="course_overview")
    courseRun = CourseRunSerializer(source="*")
    enrollment = EnrollmentSerializer(source="*")


class LearnerDashboardSerializer(serializers.Serializer):
    """Serializer for all info required to render the Learner Dashboard (subset)."""

    courses = LearnerEnrollmentSerializer(many=True)
