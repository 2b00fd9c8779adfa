"""
The discount endpoint's answer.
"""
from rest_framework import serializers


class CourseUserDiscountSerializer(serializers.Serializer):
    discount_applicable = serializers.BooleanField(source="applicable")
    discount_percent = serializers.IntegerField(source="percentage")
    jwt = serializers.CharField()
