"""
Replica of Otto ``ecommerce/extensions/payment/exceptions.py`` (subset).
"""
from oscar.apps.payment.exceptions import GatewayError, PaymentError


class ProcessorMisconfiguredError(Exception):
    """Raised when a payment processor has invalid/missing settings."""


class TransactionDeclined(PaymentError):
    """The processor declined the payment."""


__all__ = ["GatewayError", "PaymentError", "ProcessorMisconfiguredError", "TransactionDeclined"]
