"""
Replica of openedx-platform ``lms/djangoapps/ccx/api/v0/serializers.py``.
"""
from ccx_keys.locator import CCXLocator
from rest_framework import serializers

from lms.djangoapps.ccx.models import CustomCourseForEdX


class CCXCourseSerializer(serializers.ModelSerializer):
    """
    A CCX as the v0 API shows it.
    """

    ccx_course_id = serializers.SerializerMethodField()
    master_course_id = serializers.CharField(source="course_id")
    display_name = serializers.CharField()
    coach_email = serializers.EmailField(source="coach.email")
    start = serializers.CharField(allow_blank=True)
    due = serializers.CharField(allow_blank=True)
    max_students_allowed = serializers.IntegerField(source="max_student_enrollments_allowed")
    course_modules = serializers.SerializerMethodField()

    class Meta:
        model = CustomCourseForEdX
        fields = (
            "ccx_course_id",
            "master_course_id",
            "display_name",
            "coach_email",
            "start",
            "due",
            "max_students_allowed",
            "course_modules",
        )
        read_only_fields = ("ccx_course_id", "master_course_id", "start", "due")

    @staticmethod
    def get_ccx_course_id(obj):
        return str(CCXLocator.from_course_locator(obj.course.id, obj.id))

    @staticmethod
    def get_course_modules(obj):
        return obj.structure or []
