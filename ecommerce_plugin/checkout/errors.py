"""
Error codes of the checkout API. Features add their own codes through ``CheckoutRefused``.
"""
BASKET_NOT_FOUND = "basket_not_found"
BASKET_EMPTY = "basket_empty"
BASKET_LOCKED = "basket_locked"
INVALID_REQUEST = "invalid_request"
PAYMENT_DECLINED = "payment_declined"
PAYMENT_FAILED = "payment_failed"
ORDER_CREATION_FAILED = "order_creation_failed"
PRODUCT_NOT_FOUND = "product_not_found"


class CheckoutRefused(Exception):
    """
    The checkout cannot go on; nothing was charged. ``http_status`` is what the API answers.
    """

    def __init__(self, error_code, message, http_status=400):
        super().__init__(message)
        self.error_code = error_code
        self.message = message
        self.http_status = http_status

    def as_dict(self):
        return {"error_code": self.error_code, "message": self.message}
