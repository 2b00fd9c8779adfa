"""
Request and response shapes of the CCX purchases API.
"""
from django.utils.translation import gettext as _
from oscar.templatetags.currency_filters import currency as format_currency
from rest_framework import serializers


class ModuleSerializer(serializers.Serializer):
    usage_key = serializers.CharField()
    display_name = serializers.CharField()
    price_per_seat = serializers.DecimalField(max_digits=12, decimal_places=2)


class PurchaseSerializer(serializers.Serializer):
    external_id = serializers.CharField()
    master_course_id = serializers.CharField(source="master_course_key")
    display_name = serializers.CharField()
    modules = serializers.ListField(child=serializers.CharField())
    seats = serializers.IntegerField()
    amount_paid = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    version = serializers.IntegerField()
    ccx_course_id = serializers.CharField(allow_blank=True)
    sync_state = serializers.CharField()
    sync_error = serializers.CharField(allow_blank=True)


class CourseSerializer(serializers.Serializer):
    """
    The CCX course product with the caller's purchases of it merged in.
    """

    master_course_id = serializers.CharField(source="course.master_course_key")
    title = serializers.CharField(source="course.title")
    currency = serializers.CharField(source="course.currency")
    modules = ModuleSerializer(source="course.modules", many=True)
    price_formula = serializers.SerializerMethodField()
    purchases = PurchaseSerializer(many=True)

    def get_price_formula(self, obj):
        return "seats * sum(price_per_seat of the chosen modules) - amount_paid, never below 0"


class QuoteSerializer(serializers.Serializer):
    master_course_id = serializers.CharField(source="master_course_key")
    purchase = serializers.CharField(source="purchase_external_id", allow_null=True)
    modules = serializers.ListField(child=serializers.CharField())
    seats = serializers.IntegerField()
    total = serializers.DecimalField(max_digits=12, decimal_places=2)
    amount_paid = serializers.DecimalField(max_digits=12, decimal_places=2)
    amount_due = serializers.DecimalField(max_digits=12, decimal_places=2)
    currency = serializers.CharField()
    # The amounts as the shop formats money (its locale and currency format), for pages to show as is.
    total_display = serializers.SerializerMethodField()
    amount_paid_display = serializers.SerializerMethodField()
    amount_due_display = serializers.SerializerMethodField()

    def get_total_display(self, quote) -> str:
        return format_currency(quote.total, quote.currency)

    def get_amount_paid_display(self, quote) -> str:
        return format_currency(quote.amount_paid, quote.currency)

    def get_amount_due_display(self, quote) -> str:
        return format_currency(quote.amount_due, quote.currency)


class BasketLineSerializer(serializers.Serializer):
    basket_id = serializers.IntegerField()
    line_id = serializers.IntegerField()
    kind = serializers.CharField()
    quote = QuoteSerializer()


class ConfigurationRequestSerializer(serializers.Serializer):
    """
    A first purchase (``master_course_id``) or an upgrade (``purchase``: its external id), never both.
    """

    master_course_id = serializers.CharField(required=False, max_length=255)
    purchase = serializers.UUIDField(required=False)
    modules = serializers.ListField(child=serializers.CharField(max_length=255), max_length=500)
    seats = serializers.IntegerField()
    display_name = serializers.CharField(required=False, allow_blank=True, max_length=255)

    def validate(self, attrs):
        if ("master_course_id" in attrs) == ("purchase" in attrs):
            raise serializers.ValidationError(
                _("Name either master_course_id (a first purchase) or purchase (an upgrade).")
            )
        return attrs
