"""
Error codes of the checkout API. Features add their own codes through ``CheckoutRefused``.
"""
from ecommerce_plugin.api_errors import CommerceError

BASKET_NOT_FOUND = "basket_not_found"
BASKET_EMPTY = "basket_empty"
BASKET_LOCKED = "basket_locked"
INVALID_REQUEST = "invalid_request"
PAYMENT_DECLINED = "payment_declined"
PAYMENT_FAILED = "payment_failed"
ORDER_CREATION_FAILED = "order_creation_failed"
PRODUCT_NOT_FOUND = "product_not_found"
PAYMENT_IN_PROGRESS = "payment_in_progress"


class CheckoutRefused(CommerceError):
    """
    The checkout cannot go on; nothing was charged. ``http_status`` is what the API answers.
    """
