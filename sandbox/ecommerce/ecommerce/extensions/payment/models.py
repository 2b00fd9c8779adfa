"""
Replica of Otto ``ecommerce/extensions/payment/models.py`` (``PaymentProcessorResponse`` only).
"""
from django.db import models


class PaymentProcessorResponse(models.Model):
    """
    What a payment processor answered about one basket: the record finance reconciles against.

    .. no_pii: Transaction ids and amounts; card data never reaches this table.
    """

    processor_name = models.CharField(max_length=255)
    transaction_id = models.CharField(max_length=255, null=True, blank=True)
    basket = models.ForeignKey("basket.Basket", null=True, blank=True, on_delete=models.SET_NULL)
    response = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        get_latest_by = "created"
        indexes = [models.Index(fields=["processor_name", "transaction_id"])]

    def __str__(self):
        return f"{self.processor_name} {self.transaction_id}"
