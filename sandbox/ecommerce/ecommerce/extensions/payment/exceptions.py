"""
Replica of Otto ``ecommerce/extensions/payment/exceptions.py`` (subset), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Otto defines no ``TransactionDeclined``: its processors raise Oscar's
(``oscar.apps.payment.exceptions``), as the sandbox's dev processor does.
"""
from oscar.apps.payment.exceptions import GatewayError, PaymentError


class ProcessorMisconfiguredError(Exception):
    """Raised when a payment processor has invalid/missing settings."""


class InvalidBasketError(PaymentError):
    """Payment was made for an invalid basket."""


__all__ = ["GatewayError", "InvalidBasketError", "PaymentError", "ProcessorMisconfiguredError"]
