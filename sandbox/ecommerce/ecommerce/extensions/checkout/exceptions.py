"""
Replica of Otto ``ecommerce/extensions/checkout/exceptions.py``, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""


class BasketNotFreeError(Exception):
    """ Error for when the basket is not free. """
