"""
Replica of openedx-platform ``openedx/core/djangoapps/enrollments/serializers.py``.
"""
import logging

from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment
from rest_framework import serializers

log = logging.getLogger(__name__)


class StringListField(serializers.CharField):
    """
    A comma delimited string of integers, serialized as a list of integers.
    """

    def to_representation(self, value):
        if not value:
            return []
        return [int(item) for item in value.split(",")]


class CourseSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    Serialize a course (CourseOverview) and its modes.
    """

    course_id = serializers.CharField(source="id")
    course_name = serializers.CharField(source="display_name_with_default")
    enrollment_start = serializers.DateTimeField(format=None)
    enrollment_end = serializers.DateTimeField(format=None)
    course_start = serializers.DateTimeField(source="start", format=None)
    course_end = serializers.DateTimeField(source="end", format=None)
    invite_only = serializers.BooleanField(source="invitation_only")
    course_modes = serializers.SerializerMethodField()
    pacing_type = serializers.SerializerMethodField()

    class Meta:
        ref_name = "enrollment.Course"

    def __init__(self, *args, **kwargs):
        self.include_expired = kwargs.pop("include_expired", False)
        super().__init__(*args, **kwargs)

    def get_course_modes(self, obj):
        """
        The course's modes, serialized.
        """
        course_modes = CourseMode.modes_for_course(obj.id, include_expired=self.include_expired, only_selectable=False)
        return [ModeSerializer(mode).data for mode in course_modes]

    def get_pacing_type(self, obj):
        return "Self Paced" if obj.self_paced else "Instructor Paced"


class CourseEnrollmentSerializer(serializers.ModelSerializer):
    """
    Serializes CourseEnrollment models with their course and modes.
    """

    course_details = CourseSerializer(source="course_overview")
    user = serializers.SerializerMethodField("get_username")

    def get_username(self, model):
        """Retrieves the username from the associated model."""
        return model.username

    class Meta:
        model = CourseEnrollment
        fields = ("created", "mode", "is_active", "course_details", "user")
        lookup_field = "username"


class ModeSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    Serializes a course's ``Mode`` tuples.
    """

    slug = serializers.CharField(max_length=100)
    name = serializers.CharField(max_length=255)
    min_price = serializers.IntegerField()
    suggested_prices = StringListField(max_length=255)
    currency = serializers.CharField(max_length=8)
    expiration_datetime = serializers.DateTimeField()
    description = serializers.CharField()
    sku = serializers.CharField()
    bulk_sku = serializers.CharField()
