"""
Order and line statuses of fulfillment: Otto's names (``ecommerce/extensions/fulfillment/status.py``).

The kind of a failed line's error is its status, as in Otto, so staff and reports read it from
Oscar's own ``Line.status`` without a join.
"""


class ORDER:
    OPEN = "Open"
    FULFILLMENT_ERROR = "Fulfillment Error"
    COMPLETE = "Complete"
    # Staff refunded the lines that could not be fulfilled, and no line was fulfilled.
    REFUNDED = "Refunded"


class LINE:
    OPEN = "Open"
    FULFILLMENT_CONFIGURATION_ERROR = "Fulfillment Configuration Error"
    FULFILLMENT_NETWORK_ERROR = "Fulfillment Network Error"
    FULFILLMENT_TIMEOUT_ERROR = "Fulfillment Timeout Error"
    FULFILLMENT_SERVER_ERROR = "Fulfillment Server Error"
    COMPLETE = "Complete"
    # A failed line staff refunded instead of retrying: final, like Complete.
    REFUNDED = "Refunded"

    ERRORS = (
        FULFILLMENT_CONFIGURATION_ERROR,
        FULFILLMENT_NETWORK_ERROR,
        FULFILLMENT_TIMEOUT_ERROR,
        FULFILLMENT_SERVER_ERROR,
    )


def order_status_pipeline():
    """
    Otto's order pipeline, plus Fulfillment Error -> Open (a staff retry reopens the order) and
    -> Refunded (staff refunded every line that failed and none was fulfilled).
    """
    return {
        ORDER.OPEN: (ORDER.COMPLETE, ORDER.FULFILLMENT_ERROR),
        ORDER.FULFILLMENT_ERROR: (ORDER.COMPLETE, ORDER.OPEN, ORDER.REFUNDED),
        ORDER.COMPLETE: (),
        ORDER.REFUNDED: (),
    }


def line_status_pipeline():
    """
    Otto's line pipeline (Open -> Complete | one error status per kind), plus error -> Open for a retry.

    Complete is final: nothing leads out of it, so a completed line cannot be reopened and
    fulfilled again (Otto's retry re-fulfils every line of the order). Refunded, staff's other
    answer to a failed line, is final too.
    """
    pipeline = {LINE.OPEN: (LINE.COMPLETE, *LINE.ERRORS), LINE.COMPLETE: (), LINE.REFUNDED: ()}
    for error in LINE.ERRORS:
        pipeline[error] = (LINE.COMPLETE, LINE.OPEN, LINE.REFUNDED, *(other for other in LINE.ERRORS if other != error))
    return pipeline
