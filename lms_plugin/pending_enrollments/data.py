"""
Values the pending-enrollments API hands out.
"""
from dataclasses import dataclass
from datetime import datetime

PENDING = "pending"
ACTIVE = "active"
NONE = "none"


@dataclass(frozen=True)
class PendingEnrollmentStatus:
    """
    One course's state as the dashboard shows it.

    ``status``: ``pending`` (paid, not fulfilled), ``active`` (fulfilled) or ``none``; a pending
    entry whose fulfillment failed for good keeps ``pending`` (clients that predate the failed
    state keep working) and carries ``failed_at``.
    ``has_access``: the learner is already enrolled in another mode (an upgrade is pending),
    so the course link stays enabled.
    ``course_name``/``course_url``: what a dashboard shows for a course it does not list yet
    (the display name, or the course key when the course has no overview).
    ``mode_name``: the mode's display name ("Verified Certificate"), or its slug when the course
    has no such mode row: what a learner reads instead of ``mode``.
    """

    course_id: str
    status: str
    mode: str = ""
    order_number: str = ""
    created: datetime | None = None
    has_access: bool = False
    username: str = ""
    failed_at: datetime | None = None
    course_name: str = ""
    course_url: str = ""
    mode_name: str = ""

    @property
    def fulfillment_failed(self):
        """Paid, and ecommerce reported that it could not enroll the learner: support was told."""
        return self.status == PENDING and self.failed_at is not None
