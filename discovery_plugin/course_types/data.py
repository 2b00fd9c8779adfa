"""
Plain, immutable values that cross the boundary of ``api.py``; querysets and model instances do not.
"""
from dataclasses import dataclass, field
from uuid import UUID


@dataclass(frozen=True)
class ModeData:
    """
    An LMS course mode.
    """

    slug: str
    name: str
    is_id_verified: bool
    is_credit_eligible: bool
    certificate_type: str
    payee: str


@dataclass(frozen=True)
class TrackData:
    """
    A mode and the ecommerce seat type that sells it (``None``: nothing is sold).
    """

    mode: ModeData
    seat_type: str | None
    label: str


@dataclass(frozen=True)
class CourseRunTypeData:
    """
    A labelled set of tracks.
    """

    uuid: UUID
    slug: str
    name: str
    is_marketable: bool
    tracks: tuple[TrackData, ...]

    @property
    def lms_modes(self):
        """
        The LMS modes a run of this type must have, in track order.
        """
        return tuple(dict.fromkeys(track.mode.slug for track in self.tracks))

    @property
    def seat_types(self):
        """
        The ecommerce seat types a run of this type must have, in track order; tracks without one add none.
        """
        return tuple(dict.fromkeys(track.seat_type for track in self.tracks if track.seat_type))


@dataclass(frozen=True)
class CourseTypeData:
    """
    A labelled set of allowed run types and the course's entitlement seat types.
    """

    uuid: UUID
    slug: str
    name: str
    entitlement_seat_types: tuple[str, ...]
    course_run_types: tuple[CourseRunTypeData, ...]


@dataclass(frozen=True)
class CourseRunRequirements:
    """
    What one run must have: its LMS modes and its ecommerce seats, and whether it has a marketing page.

    A run without a type requires nothing (``course_run_type`` is ``None``) and is not marketable.
    """

    course_run_key: str
    course_key: str
    course_run_type: CourseRunTypeData | None
    lms_modes: tuple[str, ...]
    seat_types: tuple[str, ...]
    is_marketable: bool


@dataclass(frozen=True)
class CourseRequirements:
    """
    What one course must have: its entitlements, and its runs' requirements.

    A course is marketable when at least one of its runs is.
    """

    course_key: str
    course_type: CourseTypeData | None
    entitlement_seat_types: tuple[str, ...]
    is_marketable: bool
    course_runs: tuple[CourseRunRequirements, ...] = field(default=())


@dataclass(frozen=True)
class SeatSyncPlan:
    """
    How the host's seat sync must treat one run: seat types to keep without a product, products to refuse.
    """

    course_run_key: str
    keep_seat_types: frozenset[str]
    refuse_seat_types: frozenset[str]


@dataclass(frozen=True)
class BackfillOutcome:
    """
    What the backfill did (or would do) for one course.

    ``status`` is ``matched`` (types inferred), ``already_typed`` (nothing missing) or
    ``unmatched`` (no type fits; ``reason`` says why).
    """

    course_key: str
    status: str
    course_type: str | None = None
    course_run_types: tuple[tuple[str, str], ...] = ()
    reason: str = ""
