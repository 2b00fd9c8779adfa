"""
Replica of Otto ``ecommerce/extensions/refund/status.py``, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""


class REFUND:
    OPEN = "Open"
    DENIED = "Denied"
    PAYMENT_REFUND_ERROR = "Payment Refund Error"
    PAYMENT_REFUNDED = "Payment Refunded"
    REVOCATION_ERROR = "Revocation Error"
    COMPLETE = "Complete"


class REFUND_LINE:  # noqa: N801  (Otto's name)
    OPEN = "Open"
    REVOCATION_ERROR = "Revocation Error"
    DENIED = "Denied"
    COMPLETE = "Complete"
