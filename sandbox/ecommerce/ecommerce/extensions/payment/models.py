"""
Replica of Otto ``ecommerce/extensions/payment/models.py`` (``PaymentProcessorResponse`` only),
checked against sumac.master 126b670782e095b0abddd22fae0e94f8caf88348.

As in Otto, ``response`` is ``jsonfield.JSONField`` (text, see ``fields.py``) and holds what the
gateway sent, as each processor received it (a Stripe ``PaymentIntent``, a card error's body, a
``Refund``): it has no common shape across processors, and nothing reads inside it but people.
What was paid and refunded is in Oscar's ``Source`` and ``PaymentEvent`` of the order.
"""
from django.db import models

from ecommerce.extensions.payment.fields import JSONField


class PaymentProcessorResponse(models.Model):
    """
    What a payment processor answered about one basket: the record finance reconciles against.

    .. no_pii: Transaction ids and amounts; card data never reaches this table.
    """

    processor_name = models.CharField(max_length=255)
    transaction_id = models.CharField(max_length=255, null=True, blank=True)
    basket = models.ForeignKey("basket.Basket", null=True, blank=True, on_delete=models.SET_NULL)
    response = JSONField()
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        get_latest_by = "created"
        indexes = [models.Index(fields=["processor_name", "transaction_id"])]

    def __str__(self):
        return f"{self.processor_name} {self.transaction_id}"
