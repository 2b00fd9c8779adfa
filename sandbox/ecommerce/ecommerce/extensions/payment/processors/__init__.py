"""
Replica of Otto ``ecommerce/extensions/payment/processors/__init__.py`` (the processor interface,
subset; ``record_processor_response`` checked against sumac.master 126b670782e095b0abddd22fae0e94f8caf88348).
"""
import abc
from collections import namedtuple

HandledProcessorResponse = namedtuple(
    "HandledProcessorResponse", ["transaction_id", "total", "currency", "card_number", "card_type"]
)


class BasePaymentProcessor(metaclass=abc.ABCMeta):
    """
    What every payment processor offers the checkout: take a payment, refund one.
    """

    NAME = None

    def __init__(self, site=None):
        # Otto builds a processor for a site (``processor_class(site)``); the stock sandbox builds one without.
        self.site = site

    @abc.abstractmethod
    def handle_processor_response(self, response, basket=None):
        """
        Charge or confirm ``basket`` from the processor's ``response``; raise on decline.
        """

    def record_processor_response(self, response, transaction_id=None, basket=None):
        """
        Save the processor's response (what the gateway sent, as received) for auditing.
        """
        from ecommerce.extensions.payment.models import PaymentProcessorResponse  # noqa: PLC0415

        return PaymentProcessorResponse.objects.create(
            processor_name=self.NAME, transaction_id=transaction_id, response=response, basket=basket
        )

    @abc.abstractmethod
    def issue_credit(self, order_number, basket, reference_number, amount, currency):
        """
        Refund ``amount`` of a captured transaction; return the refund's transaction id.
        """
