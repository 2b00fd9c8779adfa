"""
Replica of Otto ``ecommerce/extensions/refund/exceptions.py``, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""


class InvalidStatus(Exception):
    """Base class for invalid status errors."""
