from decimal import Decimal

from rest_framework import serializers

from ecommerce_plugin.api_errors import DB_INT_MAX
from ecommerce_plugin.invoices.models import Invoice


class IssueInvoiceSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=128)
    company_name = serializers.CharField(max_length=255)
    contact_name = serializers.CharField(max_length=255)
    contact_email = serializers.EmailField()
    reference = serializers.CharField(max_length=64)
    price_per_seat = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0"))
    quantity = serializers.IntegerField(min_value=1, max_value=DB_INT_MAX)


class InvoiceSerializer(serializers.ModelSerializer):
    total = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    codes_url = serializers.SerializerMethodField()

    class Meta:
        model = Invoice
        fields = [
            "id", "course_key", "seat_sku", "company_name", "contact_name", "contact_email", "reference",
            "price_per_seat", "quantity", "total", "status", "created", "paid_at", "voided_at", "codes_url",
        ]

    def get_codes_url(self, invoice):
        return f"/api/commerce/v1/invoices/{invoice.id}/codes.csv"
