"""
The kinds of fulfillment failure, as machine-readable codes, and which of them a retry can cure.
"""
from ecommerce_plugin.fulfillment.status import LINE

NETWORK = "network"
TIMEOUT = "timeout"
SERVER = "server"
CONFIGURATION = "configuration"

# A later attempt may succeed: the LMS was unreachable, slow or failing.
RETRYABLE = frozenset({NETWORK, TIMEOUT, SERVER})

LINE_STATUS_FOR_KIND = {
    NETWORK: LINE.FULFILLMENT_NETWORK_ERROR,
    TIMEOUT: LINE.FULFILLMENT_TIMEOUT_ERROR,
    SERVER: LINE.FULFILLMENT_SERVER_ERROR,
    CONFIGURATION: LINE.FULFILLMENT_CONFIGURATION_ERROR,
}

# Error codes of the staff-facing API (admin action, management command).
ORDER_NOT_FOUND = "order_not_found"
ORDER_NOT_IN_ERROR = "order_not_in_error"
NO_PAYMENT_TO_REFUND = "no_payment_to_refund"
REFUND_FAILED = "refund_failed"
