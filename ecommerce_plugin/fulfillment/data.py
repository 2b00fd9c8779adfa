"""
Values crossing the fulfillment API's boundary.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LineOutcome:
    """
    What a fulfillment module did with one line: ``error_kind`` is None on success, else one of
    ``errors.NETWORK/TIMEOUT/SERVER/CONFIGURATION`` with a short ``detail`` for the order's notes.
    """

    line_id: int
    error_kind: str | None = None
    detail: str = ""

    @property
    def succeeded(self):
        return self.error_kind is None


@dataclass(frozen=True)
class FulfillmentReport:
    """
    The state of an order after one fulfillment attempt.

    ``retryable_line_ids`` are lines that failed with a kind a later attempt may cure and that
    were left Open because the caller said retries remain.
    """

    order_number: str
    status: str
    completed_line_ids: tuple = ()
    failed_line_ids: tuple = ()
    retryable_line_ids: tuple = ()
    errors: dict = field(default_factory=dict)

    @property
    def needs_retry(self):
        return bool(self.retryable_line_ids)


@dataclass(frozen=True)
class RetryResult:
    order_number: str
    error_code: str | None = None
