from rest_framework import serializers

from ecommerce_plugin.api_errors import DB_INT_MAX


class RedeemSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=64)


class RedemptionStateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    course_key = serializers.CharField()
    status = serializers.CharField()
    error = serializers.CharField(allow_blank=True)
    course_title = serializers.CharField(help_text="The course's title in the shop (its key when it has none).")


class SeatsBasketSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=128)
    quantity = serializers.IntegerField(min_value=1, max_value=DB_INT_MAX)
