"""
Infer course and run types from the seats and entitlements courses already have.

A run matches a run type when its published seats' seat types are exactly the
type's seat types; a course matches a course type when every untyped run matches
one of the run types it allows, every typed run's type is allowed, and its
entitlements (if it has any: old courses have none) are exactly the type's.
Where several fit, the tightest wins: the course type allowing the fewest run types,
then the run type with the fewest tracks (so audit seats make "Audit only", not
"Masters and Audit": a mode without a product leaves no trace in seats), then the
oldest. Existing types are never changed; runs missing a type in a typed course are
filled in. Courses nothing fits are reported, with the reason, and left alone.
"""
from django.db import transaction
from django.db.models import Count, Prefetch

from discovery_plugin import platform
from discovery_plugin.course_types.data import BackfillOutcome
from discovery_plugin.course_types.models import (
    CourseRunType,
    CourseRunTypeAssignment,
    CourseType,
    CourseTypeAssignment,
    Track,
)

MATCHED = "matched"
ALREADY_TYPED = "already_typed"
UNMATCHED = "unmatched"


class _Catalog:
    """
    Course types in preference order, each with its run types in preference order and their seat type sets.
    """

    def __init__(self):
        run_types = CourseRunType.objects.annotate(track_count=Count("tracks")).prefetch_related(
            Prefetch("tracks", queryset=Track.objects.select_related("seat_type"))
        )
        self.seat_types = {
            run_type.pk: frozenset(t.seat_type.slug for t in run_type.tracks.all() if t.seat_type_id)
            for run_type in run_types
        }
        self.run_types = {run_type.pk: run_type for run_type in run_types}
        course_types = CourseType.objects.annotate(run_type_count=Count("course_run_types")).prefetch_related(
            "entitlement_types", "course_run_types"
        )
        self.course_types = sorted(course_types, key=lambda ct: (ct.run_type_count, ct.pk))
        self.allowed = {
            ct.pk: sorted(
                (rt.pk for rt in ct.course_run_types.all()),
                key=lambda pk: (self.run_types[pk].track_count, pk),
            )
            for ct in self.course_types
        }
        self.entitlements = {ct.pk: frozenset(st.slug for st in ct.entitlement_types.all()) for ct in self.course_types}
        self.by_pk = {ct.pk: ct for ct in self.course_types}


def _fit(course_type, runs, *, run_types_now, seats_by_run, entitlements, catalog, check_entitlements):
    """
    ``{run: run type pk}`` for the untyped runs if ``course_type`` fits the course, else None.
    """
    if check_entitlements and entitlements and entitlements != catalog.entitlements[course_type.pk]:
        return None
    allowed = catalog.allowed[course_type.pk]
    picks = {}
    for run in runs:
        if run.pk in run_types_now:
            if run_types_now[run.pk] not in allowed:
                return None
            continue
        match = next((pk for pk in allowed if catalog.seat_types[pk] == seats_by_run[run.pk]), None)
        if match is None:
            return None
        picks[run] = match
    return picks


def _unmatched_reason(runs, *, seats_by_run, entitlements, catalog, existing):
    all_seat_sets = set(catalog.seat_types.values())
    for run in runs:
        if seats_by_run[run.pk] not in all_seat_sets:
            return f"run {run.key} has seats {sorted(seats_by_run[run.pk]) or '(none)'}, which no run type sells"
    if existing:
        return f"its runs do not all fit the run types its course type {existing.name} allows"
    return (
        f"no course type allows all its runs' seat sets "
        f"({'; '.join(f'{run.key}: {sorted(seats_by_run[run.pk])}' for run in runs)}) "
        f"with entitlements {sorted(entitlements) or '(none)'}"
    )


def infer(course, catalog, course_types_now, run_types_now):
    """
    The outcome for one course (its runs, seats and entitlements prefetched); nothing is written.
    """
    runs = list(course.course_runs.all())
    existing = catalog.by_pk.get(course_types_now.get(course.pk))
    untyped = [run for run in runs if run.pk not in run_types_now]
    if existing and not untyped:
        return BackfillOutcome(course.key, ALREADY_TYPED, existing.slug), None, {}
    entitlements = frozenset(platform.entitlement_seat_type_slugs_of_course(course))
    if not runs and not entitlements and not existing:
        reason = "it has no runs and no entitlements to infer from"
        return BackfillOutcome(course.key, UNMATCHED, reason=reason), None, {}
    seats_by_run = {run.pk: frozenset(platform.seat_type_slugs_of_run(run)) for run in runs}
    candidates = [existing] if existing else catalog.course_types
    for course_type in candidates:
        picks = _fit(
            course_type, runs, run_types_now=run_types_now, seats_by_run=seats_by_run,
            entitlements=entitlements, catalog=catalog, check_entitlements=not existing,
        )
        if picks is not None:
            outcome = BackfillOutcome(
                course.key,
                MATCHED,
                course_type.slug,
                tuple((run.key, catalog.run_types[pk].slug) for run, pk in picks.items()),
            )
            return outcome, (None if existing else course_type), picks
    reason = _unmatched_reason(
        runs, seats_by_run=seats_by_run, entitlements=entitlements, catalog=catalog, existing=existing
    )
    return BackfillOutcome(course.key, UNMATCHED, existing.slug if existing else None, reason=reason), None, {}


@transaction.atomic
def _write(course, course_type, picks, catalog):
    if course_type is not None:
        assignment = CourseTypeAssignment(course=course, course_type=course_type)
        assignment.full_clean()
        assignment.save()
    for run, run_type_pk in picks.items():
        assignment = CourseRunTypeAssignment(course_run=run, course_run_type=catalog.run_types[run_type_pk])
        assignment.full_clean()
        assignment.save()


def run(dry_run=False, progress=None):
    """
    Yield one ``BackfillOutcome`` per published course; write the matches unless ``dry_run``.

    ``progress(iterable, total)`` wraps the course iteration (the command passes tqdm).
    """
    catalog = _Catalog()
    course_types_now = dict(CourseTypeAssignment.objects.values_list("course_id", "course_type_id"))
    run_types_now = dict(CourseRunTypeAssignment.objects.values_list("course_run_id", "course_run_type_id"))
    courses = platform.courses_with_seats_and_entitlements()
    iterable = courses.iterator(chunk_size=500)
    if progress is not None:
        iterable = progress(iterable, courses.count())
    for course in iterable:
        outcome, course_type, picks = infer(course, catalog, course_types_now, run_types_now)
        if outcome.status == MATCHED and not dry_run:
            _write(course, course_type, picks, catalog)
        yield outcome
