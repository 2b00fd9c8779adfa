"""
Values that cross the checkout's boundary.
"""
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class CheckoutContext:
    """
    What the buyer sent with the payment, for the checkout steps to check.

    ``params`` carries the feature-specific fields (``discount_jwt``, an upgrade quote...);
    each step reads the ones it owns.
    """

    user: Any
    params: dict = field(default_factory=dict)
    request: Any = None


@dataclass(frozen=True)
class PlacedOrder:
    number: str
    status: str
    total_incl_tax: Decimal
    currency: str
    created: bool
