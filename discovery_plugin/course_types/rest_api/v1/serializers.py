"""
Serializers of the course types API v1; they read the frozen values of ``data.py``.
"""
from rest_framework import serializers


class ModeSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    slug = serializers.CharField()
    name = serializers.CharField()
    is_id_verified = serializers.BooleanField()
    is_credit_eligible = serializers.BooleanField()
    certificate_type = serializers.CharField(allow_blank=True, help_text="Blank when the mode grants no certificate.")
    payee = serializers.CharField(allow_blank=True, help_text="Blank for modes upstream seeds without a payee.")


class TrackSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    mode = serializers.CharField(help_text="The LMS mode slug.")
    seat_type = serializers.CharField(allow_null=True, help_text="Null: the mode has no ecommerce product.")


class CourseRunTypeSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    uuid = serializers.UUIDField()
    slug = serializers.CharField()
    name = serializers.CharField()
    is_marketable = serializers.BooleanField(help_text="Upstream's CourseRunType.is_marketable, as it stands.")
    tracks = TrackSerializer(many=True)
    lms_modes = serializers.ListField(child=serializers.CharField())
    seat_types = serializers.ListField(child=serializers.CharField())


class CourseTypeSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    uuid = serializers.UUIDField()
    slug = serializers.CharField()
    name = serializers.CharField()
    entitlement_types = serializers.ListField(child=serializers.CharField())
    course_run_types = serializers.ListField(child=serializers.CharField(), help_text="Allowed run type slugs.")


class CourseRunRequirementsSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    course_run_key = serializers.CharField()
    course_key = serializers.CharField()
    course_run_type = serializers.CharField(allow_null=True, help_text="Null: the run has no type.")
    lms_modes = serializers.ListField(child=serializers.CharField())
    seat_types = serializers.ListField(child=serializers.CharField())
    run_type_is_marketable = serializers.BooleanField(
        help_text="The run type's is_marketable; not upstream's CourseRun.is_marketable (publication, seats, URL)."
    )


class CourseRequirementsSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    course_key = serializers.CharField()
    course_type = serializers.CharField(allow_null=True)
    entitlement_types = serializers.ListField(child=serializers.CharField())
    course_runs = CourseRunRequirementsSerializer(many=True)


class ErrorSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    error_code = serializers.CharField()
    message = serializers.CharField()
