"""
Values the registration-codes feature hands across its boundary.
"""
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read aloud or copied from paper is the code typed.
CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"


# What a buyer reads for a code's status (the stored values are the model's ``status`` codes).
CODE_STATUS_LABELS = {
    "available": _("Not used yet"),
    "redeemed": _("Used"),
    "void": _("Cancelled"),
}


@dataclass(frozen=True)
class IssuedCode:
    code: str
    course_key: str
    status: str
    redeemed_by: str | None = None
    redeemed_at: datetime | None = None
    course_title: str = ""

    @property
    def status_label(self):
        return CODE_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class RedemptionState:
    id: int
    code: str
    course_key: str
    status: str
    error: str
    course_title: str = ""
