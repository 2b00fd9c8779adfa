"""
Values describing course products, as the other features read them.
"""
from dataclasses import dataclass
from decimal import Decimal

SEAT_PRODUCT_CLASS_SLUG = "seat"
SEAT_PRODUCT_CLASS_NAME = "Seat"


@dataclass(frozen=True)
class Seat:
    """
    One purchasable seat: a course run's enrollment mode at a price.
    """

    product_id: int
    course_key: str
    certificate_type: str
    id_verification_required: bool
    sku: str
    price: Decimal
    currency: str
