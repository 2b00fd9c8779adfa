"""
Replica of openedx-platform ``lms/djangoapps/learner_home/serializers.py`` (subset), checked
against upstream commit e57a655d77b614f19223984e9805b1fb940ab192.

As upstream: ``EnrollmentSerializer.to_representation`` runs ``CourseEnrollmentAPIRenderStarted``
on each serialized enrollment (keyword arguments ``course_key``, ``serialized_enrollment``; the
filter's returned enrollment is what is rendered), ``CourseRunSerializer.to_representation`` runs
``CourseRunAPIRenderStarted``, ``homeUrl`` is ``course_home_url(course_id)``. Not replicated:
certificates, entitlements, programs, grade data, courseware access checks, dates, upgrade and
email fields that read the platform's context dictionaries.
"""
from common.djangoapps.course_modes.models import CourseMode
from openedx.features.course_experience import course_home_url
from openedx_filters.learning.filters import CourseEnrollmentAPIRenderStarted, CourseRunAPIRenderStarted
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

    def to_representation(self, instance):
        """Serialize the courserun instance to be able to update the values before the API finishes rendering."""
        serialized_courserun = super().to_representation(instance)
        # .. filter_implemented_name: CourseRunAPIRenderStarted
        # .. filter_type: org.openedx.learning.home.courserun.api.rendered.started.v1
        serialized_courserun = CourseRunAPIRenderStarted.run_filter(serialized_courserun=serialized_courserun)
        return serialized_courserun


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
        _course_key, serialized_enrollment = CourseEnrollmentAPIRenderStarted.run_filter(
            course_key=instance.course_id,
            serialized_enrollment=serialized_enrollment,
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
