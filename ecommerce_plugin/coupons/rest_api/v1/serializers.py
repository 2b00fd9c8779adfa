from decimal import Decimal

from oscar.core.loading import get_model
from rest_framework import serializers

from ecommerce_plugin.api_errors import DB_INT_MAX

Voucher = get_model("voucher", "Voucher")


class CreateCouponSerializer(serializers.Serializer):
    course_key = serializers.CharField(max_length=255)
    percentage = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=Decimal("1"), max_value=Decimal("100")
    )
    code = serializers.RegexField(r"^[A-Za-z0-9]{4,32}$", required=False)
    start_datetime = serializers.DateTimeField(required=False)
    end_datetime = serializers.DateTimeField()
    max_uses = serializers.IntegerField(min_value=1, max_value=DB_INT_MAX, required=False)
    usage = serializers.ChoiceField(
        choices=[Voucher.SINGLE_USE, Voucher.MULTI_USE, Voucher.ONCE_PER_CUSTOMER], default=Voucher.MULTI_USE
    )


class CouponSerializer(serializers.Serializer):
    code = serializers.CharField()
    course_key = serializers.CharField()
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2)
    usage = serializers.CharField()
    start_datetime = serializers.DateTimeField()
    end_datetime = serializers.DateTimeField()
    max_uses = serializers.IntegerField(allow_null=True)
    times_used = serializers.IntegerField()


class ApplyCouponSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=64)
