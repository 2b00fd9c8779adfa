"""
Values that cross the CCX API boundary (``api.py``): plain, immutable, no model instances.
"""
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class CcxRecord:
    """
    One CCX as clients see it: v0's fields plus ``external_id``.
    """

    ccx_course_id: str
    master_course_id: str
    display_name: str
    coach_email: str
    start: datetime | None
    due: datetime | None
    max_students_allowed: int | None
    course_modules: tuple = field(default_factory=tuple)
    external_id: str | None = None


@dataclass(frozen=True)
class CcxJobRecord:
    """
    The state of one asynchronous CCX write.
    """

    job_id: str
    kind: str
    status: str
    ccx: CcxRecord | None
    error_code: str | None
    http_status: int | None
    creator_id: int


@dataclass(frozen=True)
class CcxActor:
    """
    Who asks for a CCX write: a trusted service may write on any course, anyone else only
    on courses they are staff or instructor of (checked on the course the write acts on).
    """

    user: object
    is_trusted_service: bool = False
