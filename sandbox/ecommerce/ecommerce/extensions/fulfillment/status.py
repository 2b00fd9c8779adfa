"""
Replica of Otto ``ecommerce/extensions/fulfillment/status.py``, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""


class ORDER:
    PENDING = "Pending"
    OPEN = "Open"
    PAYMENT_ERROR = "Payment Error"
    FULFILLMENT_ERROR = "Fulfillment Error"
    COMPLETE = "Complete"


class LINE:
    OPEN = "Open"
    FULFILLMENT_CONFIGURATION_ERROR = "Fulfillment Configuration Error"
    FULFILLMENT_NETWORK_ERROR = "Fulfillment Network Error"
    FULFILLMENT_TIMEOUT_ERROR = "Fulfillment Timeout Error"
    FULFILLMENT_SERVER_ERROR = "Fulfillment Server Error"
    COMPLETE = "Complete"
