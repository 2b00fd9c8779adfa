from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class Coupon:
    code: str
    course_key: str
    percentage: Decimal
    usage: str
    start_datetime: datetime
    end_datetime: datetime
    max_uses: int | None
    times_used: int
