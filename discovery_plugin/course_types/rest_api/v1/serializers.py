"""
Serializers of the course types API v1: outputs read the frozen values of ``data.py``; inputs are plain.
"""
from rest_framework import serializers


class ModeSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    slug = serializers.CharField()
    name = serializers.CharField()
    is_id_verified = serializers.BooleanField()
    is_credit_eligible = serializers.BooleanField()
    certificate_type = serializers.CharField(help_text="Blank when the mode grants no certificate.")
    payee = serializers.CharField()


class TrackSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    mode = ModeSerializer()
    seat_type = serializers.CharField(allow_null=True, help_text="Null: the mode has no ecommerce product.")
    label = serializers.CharField()


class CourseRunTypeSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    uuid = serializers.UUIDField()
    slug = serializers.CharField()
    name = serializers.CharField()
    is_marketable = serializers.BooleanField()
    tracks = TrackSerializer(many=True)
    lms_modes = serializers.ListField(child=serializers.CharField())
    seat_types = serializers.ListField(child=serializers.CharField())


class CourseTypeSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    uuid = serializers.UUIDField()
    slug = serializers.CharField()
    name = serializers.CharField()
    entitlement_seat_types = serializers.ListField(child=serializers.CharField())
    course_run_types = CourseRunTypeSerializer(many=True)


class TypeRefSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    slug = serializers.CharField()
    name = serializers.CharField()


class CourseRunRequirementsSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    course_run_key = serializers.CharField()
    course_key = serializers.CharField()
    course_run_type = TypeRefSerializer(allow_null=True)
    lms_modes = serializers.ListField(child=serializers.CharField(), help_text="LMS modes the run must have.")
    seat_types = serializers.ListField(
        child=serializers.CharField(), help_text="Ecommerce seats (seat type slugs) the run must have."
    )
    is_marketable = serializers.BooleanField()


class CourseRequirementsSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    course_key = serializers.CharField()
    course_type = TypeRefSerializer(allow_null=True)
    entitlement_seat_types = serializers.ListField(
        child=serializers.CharField(), help_text="Seat types of the entitlements the course must have."
    )
    is_marketable = serializers.BooleanField(help_text="True when at least one of its runs is marketable.")
    course_runs = CourseRunRequirementsSerializer(many=True)


class TrackRefSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    mode = serializers.SlugField()
    seat_type = serializers.SlugField(allow_null=True, required=False, default=None)


class CourseRunTypeWriteSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    slug = serializers.SlugField(max_length=64)
    name = serializers.CharField(max_length=64)
    tracks = TrackRefSerializer(many=True)
    is_marketable = serializers.BooleanField(required=False, default=True)


class CourseTypeWriteSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    slug = serializers.SlugField(max_length=64)
    name = serializers.CharField(max_length=64)
    entitlement_seat_types = serializers.ListField(child=serializers.SlugField(), required=False, default=list)
    course_run_types = serializers.ListField(child=serializers.SlugField(), allow_empty=False)


class CourseTypeAssignmentSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    course_type = serializers.SlugField(help_text="Slug of the course type to give the course.")


class CourseRunTypeAssignmentSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    course_run_type = serializers.SlugField(help_text="Slug of the course run type to give the run.")


class ErrorSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    error_code = serializers.CharField()
    message = serializers.CharField()
