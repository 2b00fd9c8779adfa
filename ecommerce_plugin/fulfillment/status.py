"""
Order and line statuses of fulfillment: Otto's names (``ecommerce/extensions/fulfillment/status.py``).

The kind of a failed line's error is its status, as in Otto, so staff and reports read it from
Oscar's own ``Line.status`` without a join.
"""


class ORDER:
    OPEN = "Open"
    FULFILLMENT_ERROR = "Fulfillment Error"
    COMPLETE = "Complete"


class LINE:
    OPEN = "Open"
    FULFILLMENT_CONFIGURATION_ERROR = "Fulfillment Configuration Error"
    FULFILLMENT_NETWORK_ERROR = "Fulfillment Network Error"
    FULFILLMENT_TIMEOUT_ERROR = "Fulfillment Timeout Error"
    FULFILLMENT_SERVER_ERROR = "Fulfillment Server Error"
    COMPLETE = "Complete"

    ERRORS = (
        FULFILLMENT_CONFIGURATION_ERROR,
        FULFILLMENT_NETWORK_ERROR,
        FULFILLMENT_TIMEOUT_ERROR,
        FULFILLMENT_SERVER_ERROR,
    )


def order_status_pipeline():
    """
    Otto's order pipeline, plus Fulfillment Error -> Open: a staff retry reopens the order.
    """
    return {
        ORDER.OPEN: (ORDER.COMPLETE, ORDER.FULFILLMENT_ERROR),
        ORDER.FULFILLMENT_ERROR: (ORDER.COMPLETE, ORDER.OPEN),
        ORDER.COMPLETE: (),
    }


def line_status_pipeline():
    """
    Otto's line pipeline (Open -> Complete | one error status per kind), plus error -> Open for a retry.

    Complete is final: nothing leads out of it, so a completed line cannot be reopened and
    fulfilled again (Otto's retry re-fulfils every line of the order).
    """
    pipeline = {LINE.OPEN: (LINE.COMPLETE, *LINE.ERRORS), LINE.COMPLETE: ()}
    for error in LINE.ERRORS:
        pipeline[error] = (LINE.COMPLETE, LINE.OPEN, *(other for other in LINE.ERRORS if other != error))
    return pipeline
