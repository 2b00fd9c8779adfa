"""
Values the registration-codes feature hands across its boundary.
"""
from dataclasses import dataclass
from datetime import datetime

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read aloud or copied from paper is the code typed.
CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"


@dataclass(frozen=True)
class IssuedCode:
    code: str
    course_key: str
    status: str
    redeemed_by: str | None = None
    redeemed_at: datetime | None = None


@dataclass(frozen=True)
class RedemptionState:
    id: int
    code: str
    course_key: str
    status: str
    error: str
