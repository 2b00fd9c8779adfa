"""
The rules of course types, in one place; model ``clean()``, the admin, the REST API and ``api.py`` all call these.

Each ``*_violations`` function takes the *proposed* state (the instance plus the
many-to-many values a form or request would give it) and returns the broken rules
as ``Violation`` values; nothing is written. ``raise_for`` turns them into a
``ValidationError`` keyed by field, which Django's admin shows on the form and the
REST API answers as ``{"error_code", "message"}``.
"""
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from discovery_plugin import platform
from discovery_plugin.course_types import errors
from discovery_plugin.course_types.models import (
    CertificateType,
    CourseRunType,
    CourseRunTypeAssignment,
    CourseType,
    CourseTypeAssignment,
    Mode,
    Track,
)

PROFESSIONAL_MODE_SLUGS = frozenset({"professional", "no-id-professional"})


@dataclass(frozen=True)
class Violation:
    """
    One broken rule: its error code, a sentence for a course admin, and the field it concerns.
    """

    code: str
    message: str
    field: str = NON_FIELD_ERRORS


class CourseTypeRuleViolation(ValidationError):
    """
    A ``ValidationError`` that remembers the violations behind it, for the API's error codes.
    """

    def __init__(self, violations):
        self.violations = list(violations)
        by_field = {}
        for violation in self.violations:
            by_field.setdefault(violation.field, []).append(ValidationError(violation.message, code=violation.code))
        super().__init__(by_field)


def raise_for(violations):
    """
    Raise ``CourseTypeRuleViolation`` if there is any violation.
    """
    violations = list(violations)
    if violations:
        raise CourseTypeRuleViolation(violations)


def is_professional_mode(mode):
    """
    Professional and no-id-professional modes, and any mode granting a professional certificate.
    """
    return mode.slug in PROFESSIONAL_MODE_SLUGS or mode.certificate_type == CertificateType.PROFESSIONAL


def _is_professional_run_type(tracks):
    return any(is_professional_mode(track.mode) for track in tracks)


def _seat_type_slugs(tracks):
    return {track.seat_type.slug for track in tracks if track.seat_type_id is not None}


def _names(items):
    return ", ".join(sorted(str(item) for item in items))


# --- run types ---------------------------------------------------------------------------------


def professional_track_violations(tracks):
    """
    A professional track stands alone: a run type with one has no other track.

    course-discovery documents this rule (ADR 0009) but never enforces it.
    """
    tracks = list(tracks)
    professional = [track for track in tracks if is_professional_mode(track.mode)]
    if professional and len(tracks) > 1:
        others = [track for track in tracks if track is not professional[0]]
        return [
            Violation(
                errors.PROFESSIONAL_TRACK_NOT_ALONE,
                f"{professional[0]} must stand alone in its run type; it cannot share it with {_names(others)}.",
                "tracks",
            )
        ]
    return []


def course_run_type_violations(run_type, tracks):
    """
    Everything that would break if ``run_type`` had ``tracks``.

    For a run type in use this includes the course types allowing it (their
    entitlements must still be sold by some track; a professional course type stays
    professional-only) and the runs of this type (no paid seat type may be dropped).
    """
    tracks = list(tracks)
    violations = professional_track_violations(tracks)
    if not run_type.pk:
        return violations

    seat_types = _seat_type_slugs(tracks)
    for course_type in CourseType.objects.filter(course_run_types=run_type).prefetch_related(
        "course_run_types__tracks__mode", "course_run_types__tracks__seat_type", "entitlement_types"
    ):
        siblings = [other for other in course_type.course_run_types.all() if other.pk != run_type.pk]
        sold = seat_types.union(*(_seat_type_slugs(other.tracks.all()) for other in siblings))
        missing = {seat_type.slug for seat_type in course_type.entitlement_types.all()} - sold
        if missing:
            violations.append(
                Violation(
                    errors.ENTITLEMENT_TYPE_NOT_IN_RUN_TYPES,
                    f"Course type {course_type.name} sells {_names(missing)} entitlements, which no track "
                    f"of its run types would sell any more.",
                    "tracks",
                )
            )
        kinds = {_is_professional_run_type(tracks)} | {
            _is_professional_run_type(other.tracks.all()) for other in siblings if other.tracks.all()
        }
        if tracks and len(kinds) > 1:
            violations.append(
                Violation(
                    errors.PROFESSIONAL_COURSE_TYPE_MIXED,
                    f"Course type {course_type.name} would mix professional and other run types.",
                    "tracks",
                )
            )

    run_ids = list(
        CourseRunTypeAssignment.objects.filter(course_run_type=run_type).values_list("course_run_id", flat=True)
    )
    dropped = set().union(*platform.paid_seat_type_slugs_by_run(run_ids).values()) - seat_types if run_ids else set()
    if dropped:
        violations.append(
            Violation(
                errors.PAID_SEAT_TYPE_DROPPED,
                f"Runs of this type already sell paid {_names(dropped)} seats; keep a track selling them.",
                "tracks",
            )
        )
    return violations


# --- course types ------------------------------------------------------------------------------


def course_type_violations(course_type, run_types, entitlement_types):
    """
    Everything that would break if ``course_type`` allowed ``run_types`` and sold ``entitlement_types``.
    """
    run_types = list(run_types)
    violations = []
    tracks_by_run_type = {run_type: list(run_type.tracks.all()) for run_type in run_types}

    sold = set().union(*(_seat_type_slugs(tracks) for tracks in tracks_by_run_type.values()))
    missing = {seat_type.slug for seat_type in entitlement_types} - sold
    if missing:
        violations.append(
            Violation(
                errors.ENTITLEMENT_TYPE_NOT_IN_RUN_TYPES,
                f"Entitlement types {_names(missing)} are sold by no track of the allowed run types.",
                "entitlement_types",
            )
        )

    kinds = {_is_professional_run_type(tracks) for tracks in tracks_by_run_type.values() if tracks}
    if len(kinds) > 1:
        violations.append(
            Violation(
                errors.PROFESSIONAL_COURSE_TYPE_MIXED,
                "A course type with a professional run type allows no other kind of run type "
                "(professional stands alone).",
                "course_run_types",
            )
        )

    if course_type.pk:
        in_use = (
            CourseRunType.objects.filter(
                assignments__course_run__course__commerce_course_type__course_type=course_type
            )
            .exclude(pk__in=[run_type.pk for run_type in run_types])
            .distinct()
        )
        if in_use:
            violations.append(
                Violation(
                    errors.TYPE_IN_USE,
                    f"Runs of this course type use {_names(in_use)}; it must stay allowed.",
                    "course_run_types",
                )
            )
    return violations


# --- assignments ------------------------------------------------------------------------------


def course_type_assignment_violations(course, course_type):
    """
    A course may take ``course_type`` only if the type allows every run type its runs already have.
    """
    allowed = set(course_type.course_run_types.values_list("pk", flat=True))
    disallowed = (
        CourseRunTypeAssignment.objects.filter(course_run__course=course)
        .exclude(course_run_type__in=allowed)
        .select_related("course_run", "course_run_type")
    )
    return [
        Violation(
            errors.RUN_TYPE_NOT_ALLOWED,
            f"Run {assignment.course_run.key} is {assignment.course_run_type.name}, "
            f"which {course_type.name} does not allow.",
            "course_type",
        )
        for assignment in disallowed
    ]


def course_run_type_assignment_violations(course_run, run_type):
    """
    A run may take ``run_type`` only if its course's type allows it and no paid seat type is dropped.

    "Dropped" compares with the seats the run has now: a run that sells paid verified
    seats cannot become "Audit only", whatever type it had before (none included).
    """
    violations = []
    course_type = (
        CourseTypeAssignment.objects.filter(course_id=course_run.course_id)
        .values_list("course_type", flat=True)
        .first()
    )
    if course_type is None:
        violations.append(
            Violation(
                errors.COURSE_HAS_NO_TYPE,
                f"Course {course_run.course.key} has no course type yet; give it one first.",
                "course_run_type",
            )
        )
    elif not CourseType.objects.filter(pk=course_type, course_run_types=run_type).exists():
        name = CourseType.objects.get(pk=course_type).name
        violations.append(
            Violation(
                errors.RUN_TYPE_NOT_ALLOWED,
                f"{run_type.name} is not a run type that course type {name} allows.",
                "course_run_type",
            )
        )

    dropped = platform.paid_seat_type_slugs(course_run.pk) - _seat_type_slugs(
        run_type.tracks.select_related("seat_type")
    )
    if dropped:
        violations.append(
            Violation(
                errors.PAID_SEAT_TYPE_DROPPED,
                f"Run {course_run.key} already sells paid {_names(dropped)} seats, "
                f"which {run_type.name} would drop.",
                "course_run_type",
            )
        )
    return violations


# --- deletion ---------------------------------------------------------------------------------


def deletion_violations(instance):
    """
    A mode, track, run type or course type that something still uses cannot be deleted.
    """
    if isinstance(instance, Mode):
        users = list(Track.objects.filter(mode=instance).select_related("mode", "seat_type"))
        what = "tracks"
    elif isinstance(instance, Track):
        users = list(CourseRunType.objects.filter(tracks=instance))
        what = "run types"
    elif isinstance(instance, CourseRunType):
        users = list(CourseType.objects.filter(course_run_types=instance))
        what = "course types"
        if not users:
            users = [a.course_run.key for a in instance.assignments.select_related("course_run")[:10]]
            what = "course runs"
    elif isinstance(instance, CourseType):
        users = [a.course.key for a in instance.assignments.select_related("course")[:10]]
        what = "courses"
    else:
        return []
    if not users:
        return []
    return [
        Violation(errors.TYPE_IN_USE, f"{instance} is used by {what} {_names(users)}; it cannot be deleted.")
    ]


def track_addition_violations(run_type, added_tracks):
    """
    The guard behind ``run_type.tracks.add(...)``: the resulting set must keep professional alone.
    """
    return professional_track_violations(list(run_type.tracks.select_related("mode")) + list(added_tracks))
