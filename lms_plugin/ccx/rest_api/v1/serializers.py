"""
Serializers of the CCX API v1: v0's fields (same names, same value formats) plus ``external_id``.

Input is validated by ``api.py`` with v0's rules and error codes; the input
serializers here describe the request bodies in the OpenAPI schema.
"""
from rest_framework import serializers


class CcxSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    A CCX (a ``CcxRecord``), as v0 shows it, plus its external id.
    """

    ccx_course_id = serializers.CharField(read_only=True)
    master_course_id = serializers.CharField()
    display_name = serializers.CharField()
    coach_email = serializers.EmailField()
    # v0 renders the dates with str() (CharField); kept for clients that parse v0's answers.
    start = serializers.CharField(allow_blank=True, read_only=True, allow_null=True)
    due = serializers.CharField(allow_blank=True, read_only=True, allow_null=True)
    max_students_allowed = serializers.IntegerField(allow_null=True)
    course_modules = serializers.ListField(child=serializers.CharField())
    external_id = serializers.CharField(allow_null=True, required=False)


class CcxWriteSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    The body of a create or full update (``PUT``): v0's fields; ``external_id`` only on ``POST``.
    """

    master_course_id = serializers.CharField(help_text="Required to create; if given on update it must not change.")
    display_name = serializers.CharField()
    coach_email = serializers.EmailField()
    max_students_allowed = serializers.IntegerField()
    course_modules = serializers.ListField(child=serializers.CharField(), required=False, allow_null=True)
    external_id = serializers.CharField(required=False, help_text="POST only: the client's own id for the CCX.")


class CcxPatchSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    The body of a partial update (``PATCH``): any of v0's writable fields.
    """

    master_course_id = serializers.CharField(required=False)
    display_name = serializers.CharField(required=False)
    coach_email = serializers.EmailField(required=False)
    max_students_allowed = serializers.IntegerField(required=False)
    course_modules = serializers.ListField(child=serializers.CharField(), required=False, allow_null=True)


class CcxJobSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    The state of an asynchronous CCX write.
    """

    job_id = serializers.UUIDField()
    kind = serializers.CharField()
    status = serializers.ChoiceField(choices=["pending", "running", "succeeded", "failed"])
    ccx = CcxSerializer(allow_null=True)
    error_code = serializers.CharField(allow_null=True)


class FieldErrorSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    error_code = serializers.CharField()


class CcxErrorSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    v0's error body: one ``error_code``, or ``field_errors`` keyed by field.
    """

    error_code = serializers.CharField(required=False)
    field_errors = serializers.DictField(child=FieldErrorSerializer(), required=False)


class CcxPageSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """
    v0's page (edx-drf-extensions' DefaultPagination).
    """

    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    count = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    current_page = serializers.IntegerField()
    start = serializers.IntegerField()
    results = CcxSerializer(many=True)
