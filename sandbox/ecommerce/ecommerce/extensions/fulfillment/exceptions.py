"""
Replica of Otto ``ecommerce/extensions/fulfillment/exceptions.py``, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""


class FulfillmentError(Exception):
    """General error of fulfilling or revoking a product."""


class FulfillmentConfigurationError(FulfillmentError):
    """The fulfillment modules are configured wrongly for the products."""


class IncorrectOrderStatusError(FulfillmentError):
    """The order's status cannot move to Complete or Fulfillment Error."""
