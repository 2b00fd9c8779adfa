"""
Replica of Otto ``ecommerce/extensions/order/exceptions.py`` (``AlreadyPlacedOrderException``),
checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""


class AlreadyPlacedOrderException(Exception):
    """Raised when the user has already placed an order for the products."""
