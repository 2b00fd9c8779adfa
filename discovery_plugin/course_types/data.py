"""
Plain, immutable values: what ``rules.py`` judges and what ``api.py`` returns.

``rules.py`` never sees a model instance or a queryset; ``checks.py`` reads upstream's
rows into these values first, so every rule can be tested and reasoned about alone.
"""
from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class TrackFacts:
    """
    One track: the LMS mode it enrolls in and the ecommerce seat type that sells it (``None``: nothing is sold).
    """

    mode_slug: str
    mode_name: str
    certificate_type: str
    seat_type: str | None


@dataclass(frozen=True)
class RunTypeFacts:
    """
    One course run type and its tracks.
    """

    slug: str
    name: str
    is_marketable: bool
    tracks: tuple[TrackFacts, ...]

    @property
    def empty(self):
        # Upstream's CourseRunType.empty: the default used when the real type is not known.
        return self.slug == "empty"

    @property
    def lms_modes(self):
        """
        The LMS modes a run of this type has, in track order.
        """
        return tuple(dict.fromkeys(track.mode_slug for track in self.tracks))

    @property
    def seat_types(self):
        """
        The ecommerce seat types a run of this type sells, in track order; productless tracks add none.
        """
        return tuple(dict.fromkeys(track.seat_type for track in self.tracks if track.seat_type))


@dataclass(frozen=True)
class CourseTypeFacts:
    """
    One course type: the run types it allows and the seat types its entitlements are sold as.
    """

    slug: str
    name: str
    entitlement_types: tuple[str, ...]
    run_types: tuple[RunTypeFacts, ...]

    @property
    def empty(self):
        return self.slug == "empty"


@dataclass(frozen=True)
class RunFacts:
    """
    One course run as the rules see it: its key, its type's slug and the seat types it sells at a price above zero.
    """

    key: str
    run_type: str | None
    paid_seat_types: frozenset[str]
    seat_types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Violation:
    """
    One broken rule: its error code, a sentence for a course admin, and the form field it concerns.
    """

    code: str
    message: str
    field: str | None = None


@dataclass(frozen=True)
class Finding:
    """
    One row of the audit: what breaks a rule, and the fix ``--fix`` applies (empty when none is unambiguous).
    """

    code: str
    subject: str
    message: str
    fix: str = ""


@dataclass(frozen=True)
class ModeData:
    slug: str
    name: str
    is_id_verified: bool
    is_credit_eligible: bool
    certificate_type: str
    payee: str


@dataclass(frozen=True)
class TrackData:
    mode: str
    seat_type: str | None


@dataclass(frozen=True)
class CourseRunTypeData:
    """
    Upstream's course run type; ``is_marketable`` is upstream's field as it stands (the type may have a marketing page).
    """

    uuid: UUID
    slug: str
    name: str
    is_marketable: bool
    tracks: tuple[TrackData, ...]
    lms_modes: tuple[str, ...]
    seat_types: tuple[str, ...]


@dataclass(frozen=True)
class CourseTypeData:
    uuid: UUID
    slug: str
    name: str
    entitlement_types: tuple[str, ...]
    course_run_types: tuple[str, ...]


@dataclass(frozen=True)
class CourseRunRequirements:
    """
    What one run must have in the LMS (modes) and in ecommerce (seats), read from its upstream type.

    ``run_type_is_marketable`` is the type's ``is_marketable``, not upstream's
    ``CourseRun.is_marketable`` (which also needs a published run, seats and a URL).
    A run with no type requires nothing.
    """

    course_run_key: str
    course_key: str
    course_run_type: str | None
    lms_modes: tuple[str, ...]
    seat_types: tuple[str, ...]
    run_type_is_marketable: bool


@dataclass(frozen=True)
class CourseRequirements:
    """
    What one course must have: its entitlement seat types (its type's), and each published run's requirements.
    """

    course_key: str
    course_type: str | None
    entitlement_types: tuple[str, ...]
    course_runs: tuple[CourseRunRequirements, ...]
