"""
Request and response shapes of the checkout API.
"""
from rest_framework import serializers

from ecommerce_plugin.api_errors import DB_INT_MAX


class CheckoutRequestSerializer(serializers.Serializer):
    """
    A payment for one basket. Fields other than these are passed to the checkout steps.
    """

    basket_id = serializers.IntegerField(min_value=1, max_value=DB_INT_MAX)
    card_number = serializers.RegexField(r"^\d{12,19}$", required=False, allow_blank=True)
    discount_jwt = serializers.CharField(required=False, allow_blank=True, max_length=4096)


class PlacedOrderSerializer(serializers.Serializer):
    order_number = serializers.CharField(source="number")
    status = serializers.CharField()
    total_incl_tax = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()


class BasketAddSerializer(serializers.Serializer):
    skus = serializers.ListField(child=serializers.CharField(max_length=128), min_length=1, max_length=20)
