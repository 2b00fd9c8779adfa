"""
The public Python interface of course types: read the types, attach them to courses and runs, derive requirements.

Every write runs the rules of ``rules.py`` on the proposed state before saving and
raises ``rules.CourseTypeRuleViolation`` (a ``ValidationError``) without writing
anything when one breaks. Reads return the frozen values of ``data.py``.
"""
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Prefetch

from discovery_plugin import platform
from discovery_plugin.course_types import errors, rules
from discovery_plugin.course_types.data import (
    CourseRequirements,
    CourseRunRequirements,
    CourseRunTypeData,
    CourseTypeData,
    ModeData,
    SeatSyncPlan,
    TrackData,
)
from discovery_plugin.course_types.models import (
    CourseRunType,
    CourseRunTypeAssignment,
    CourseType,
    CourseTypeAssignment,
    Mode,
    Track,
)


class NotFoundError(LookupError):
    """
    No course, run, mode, track or type has the key or slug asked for.
    """

    error_code = errors.NOT_FOUND


# --- reading types ----------------------------------------------------------------------------


def _tracks_queryset():
    return Track.objects.select_related("mode", "seat_type")


def _run_types_queryset():
    return CourseRunType.objects.prefetch_related(Prefetch("tracks", queryset=_tracks_queryset()))


def _course_types_queryset():
    return CourseType.objects.prefetch_related(
        "entitlement_types", Prefetch("course_run_types", queryset=_run_types_queryset())
    )


def _mode_data(mode):
    return ModeData(
        slug=mode.slug,
        name=mode.name,
        is_id_verified=mode.is_id_verified,
        is_credit_eligible=mode.is_credit_eligible,
        certificate_type=mode.certificate_type,
        payee=mode.payee,
    )


def _track_data(track):
    return TrackData(
        mode=_mode_data(track.mode), seat_type=track.seat_type.slug if track.seat_type_id else None, label=track.label
    )


def _run_type_data(run_type):
    return CourseRunTypeData(
        uuid=run_type.uuid,
        slug=run_type.slug,
        name=run_type.name,
        is_marketable=run_type.is_marketable,
        tracks=tuple(_track_data(track) for track in run_type.tracks.all()),
    )


def _course_type_data(course_type):
    return CourseTypeData(
        uuid=course_type.uuid,
        slug=course_type.slug,
        name=course_type.name,
        entitlement_seat_types=tuple(sorted(seat_type.slug for seat_type in course_type.entitlement_types.all())),
        course_run_types=tuple(_run_type_data(run_type) for run_type in course_type.course_run_types.all()),
    )


def list_modes():
    return [_mode_data(mode) for mode in Mode.objects.all()]


def list_tracks():
    return [_track_data(track) for track in _tracks_queryset()]


def list_course_run_types():
    return [_run_type_data(run_type) for run_type in _run_types_queryset()]


def list_course_types():
    return [_course_type_data(course_type) for course_type in _course_types_queryset()]


def _get(queryset, what, **lookup):
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise NotFoundError(f"No {what} {next(iter(lookup.values()))!r}.") from exc


def get_course_run_type(slug):
    return _run_type_data(_get(_run_types_queryset(), "course run type", slug=slug))


def get_course_type(slug):
    return _course_type_data(_get(_course_types_queryset(), "course type", slug=slug))


# --- writing types ----------------------------------------------------------------------------


def _resolve_tracks(track_specs):
    """
    ``[(mode slug, seat type slug or None), ...]`` -> Track rows; every track must exist already.
    """
    tracks = []
    for mode_slug, seat_type_slug in track_specs:
        lookup = {"mode__slug": mode_slug}
        if seat_type_slug:
            lookup["seat_type__slug"] = seat_type_slug
        else:
            lookup["seat_type__isnull"] = True
        try:
            tracks.append(_tracks_queryset().get(**lookup))
        except Track.DoesNotExist as exc:
            raise NotFoundError(f"No track {mode_slug}/{seat_type_slug or 'no seat type'}.") from exc
    return tracks


def _resolve_seat_types(slugs):
    seat_types = list(platform.seat_type_model().objects.filter(slug__in=slugs))
    missing = set(slugs) - {seat_type.slug for seat_type in seat_types}
    if missing:
        raise NotFoundError(f"No seat type {sorted(missing)[0]!r}.")
    return seat_types


def _resolve_run_types(slugs):
    run_types = list(_run_types_queryset().filter(slug__in=slugs))
    missing = set(slugs) - {run_type.slug for run_type in run_types}
    if missing:
        raise NotFoundError(f"No course run type {sorted(missing)[0]!r}.")
    return run_types


def _full_clean(instance, **many_to_many):
    # clean() judges the staged many-to-many values, not the ones saved.
    instance.proposed_m2m = many_to_many
    instance.full_clean()


@transaction.atomic
def save_course_run_type(slug, *, name=None, tracks=None, is_marketable=None, create=False):
    """
    Create (``create=True``) or update the run type ``slug``; ``tracks`` are ``(mode, seat type)`` slug pairs.
    """
    if create:
        marketable = True if is_marketable is None else is_marketable
        run_type = CourseRunType(slug=slug, name=name or "", is_marketable=marketable)
    else:
        run_type = _get(CourseRunType.objects.select_for_update(), "course run type", slug=slug)
        if name is not None:
            run_type.name = name
        if is_marketable is not None:
            run_type.is_marketable = is_marketable
    new_tracks = _resolve_tracks(tracks) if tracks is not None else list(run_type.tracks.all()) if run_type.pk else []
    _full_clean(run_type, tracks=new_tracks)
    run_type.save()
    run_type.tracks.set(new_tracks)
    return get_course_run_type(run_type.slug)


@transaction.atomic
def save_course_type(slug, *, name=None, entitlement_seat_types=None, course_run_types=None, create=False):
    """
    Create (``create=True``) or update the course type ``slug``; run types and seat types are given by slug.
    """
    if create:
        course_type = CourseType(slug=slug, name=name or "")
    else:
        course_type = _get(CourseType.objects.select_for_update(), "course type", slug=slug)
        if name is not None:
            course_type.name = name
    if course_run_types is not None:
        run_types = _resolve_run_types(course_run_types)
    else:
        run_types = list(_run_types_queryset().filter(course_types=course_type)) if course_type.pk else []
    if entitlement_seat_types is not None:
        seat_types = _resolve_seat_types(entitlement_seat_types)
    else:
        seat_types = list(course_type.entitlement_types.all()) if course_type.pk else []
    _full_clean(course_type, course_run_types=run_types, entitlement_types=seat_types)
    course_type.save()
    course_type.course_run_types.set(run_types)
    course_type.entitlement_types.set(seat_types)
    return get_course_type(course_type.slug)


@transaction.atomic
def delete_course_run_type(slug):
    run_type = _get(CourseRunType.objects.all(), "course run type", slug=slug)
    rules.raise_for(rules.deletion_violations(run_type))
    run_type.delete()


@transaction.atomic
def delete_course_type(slug):
    course_type = _get(CourseType.objects.all(), "course type", slug=slug)
    rules.raise_for(rules.deletion_violations(course_type))
    course_type.delete()


# --- attaching types to courses and runs -----------------------------------------------------


def _host_course(course_key):
    try:
        return platform.get_course(course_key)
    except platform.course_model().DoesNotExist as exc:
        raise NotFoundError(f"No course {course_key!r}.") from exc


def _host_course_run(course_run_key):
    try:
        return platform.get_course_run(course_run_key)
    except platform.course_run_model().DoesNotExist as exc:
        raise NotFoundError(f"No course run {course_run_key!r}.") from exc


@transaction.atomic
def assign_course_type(course_key, course_type_slug):
    """
    Give the course ``course_key`` the course type ``course_type_slug`` (idempotent).
    """
    course = _host_course(course_key)
    course_type = _get(CourseType.objects.all(), "course type", slug=course_type_slug)
    assignment = CourseTypeAssignment.objects.filter(course=course).first() or CourseTypeAssignment(course=course)
    assignment.course_type = course_type
    assignment.full_clean(validate_unique=False)
    assignment.save()
    return course_requirements(course_key)


@transaction.atomic
def assign_course_run_type(course_run_key, course_run_type_slug):
    """
    Give the run ``course_run_key`` the run type ``course_run_type_slug`` (idempotent).
    """
    course_run = _host_course_run(course_run_key)
    run_type = _get(CourseRunType.objects.all(), "course run type", slug=course_run_type_slug)
    assignment = CourseRunTypeAssignment.objects.filter(course_run=course_run).first() or CourseRunTypeAssignment(
        course_run=course_run
    )
    assignment.course_run_type = run_type
    assignment.full_clean(validate_unique=False)
    assignment.save()
    return course_run_requirements(course_run_key)


# --- derivation -------------------------------------------------------------------------------


def _run_type_catalog():
    """
    Every run type as data, by primary key: two queries however many runs are derived afterwards.
    """
    return {run_type.pk: _run_type_data(run_type) for run_type in _run_types_queryset()}


def _requirements(course_run, catalog):
    """
    The requirements of a host run whose ``commerce_course_run_type`` was selected with it.
    """
    try:
        run_type = catalog[course_run.commerce_course_run_type.course_run_type_id]
    except CourseRunTypeAssignment.DoesNotExist:
        run_type = None
    return CourseRunRequirements(
        course_run_key=course_run.key,
        course_key=course_run.course.key,
        course_run_type=run_type,
        lms_modes=run_type.lms_modes if run_type else (),
        seat_types=run_type.seat_types if run_type else (),
        is_marketable=bool(run_type and run_type.is_marketable and run_type.slug != CourseRunType.EMPTY),
    )


def _runs_with_types(course_key=None):
    return platform.course_runs(course_key).select_related("commerce_course_run_type")


class CourseRunRequirementsList(Sequence):
    """
    The requirements of many runs, computed a slice at a time in a constant number of queries.

    Django's paginator (and DRF's) takes it as it takes a queryset: ``count()`` then a slice.
    """

    def __init__(self, runs):
        self._runs = runs

    def count(self):
        return self._runs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            runs = list(self._runs[index])
            catalog = _run_type_catalog() if runs else {}
            return [_requirements(run, catalog) for run in runs]
        return self[index : index + 1][0]


def course_run_requirements_list(course_key=None):
    """
    The requirements of every published run (of one course, if ``course_key``), in run id order.
    """
    return CourseRunRequirementsList(_runs_with_types(course_key))


def course_run_requirements(course_run_key):
    """
    The LMS modes and ecommerce seats the run ``course_run_key`` must have, and whether it is marketable.
    """
    try:
        run = _runs_with_types().get(key=course_run_key)
    except platform.course_run_model().DoesNotExist as exc:
        raise NotFoundError(f"No course run {course_run_key!r}.") from exc
    try:
        run_type_id = run.commerce_course_run_type.course_run_type_id
    except CourseRunTypeAssignment.DoesNotExist:
        return _requirements(run, {})
    return _requirements(run, {run_type_id: _run_type_data(_run_types_queryset().get(pk=run_type_id))})


def course_requirements(course_key):
    """
    The entitlements the course ``course_key`` needs, its runs' requirements, and whether it is marketable.
    """
    course = _host_course(course_key)
    assignment = (
        CourseTypeAssignment.objects.filter(course=course).select_related("course_type").first()
    )
    course_type = (
        _course_type_data(_course_types_queryset().get(pk=assignment.course_type_id)) if assignment else None
    )
    runs = tuple(course_run_requirements_list(course_key)[:])
    return CourseRequirements(
        course_key=course.key,
        course_type=course_type,
        entitlement_seat_types=course_type.entitlement_seat_types if course_type else (),
        is_marketable=any(run.is_marketable for run in runs),
        course_runs=runs,
    )


def seat_sync_plan(course_run_id, course_run_key):
    """
    How the host's seat sync must treat one run, from its type.

    It keeps, product or not, every seat type the run's type requires; and it
    refuses products for a mode the type gives no seat type (masters; a SPOC's
    audit), unless another track of the type sells that seat type. A run without a
    type (or of the Empty type) gets an empty plan: the sync behaves as upstream's.
    """
    assignment = (
        CourseRunTypeAssignment.objects.filter(course_run_id=course_run_id)
        .select_related("course_run_type")
        .prefetch_related(Prefetch("course_run_type__tracks", queryset=_tracks_queryset()))
        .first()
    )
    if assignment is None:
        return SeatSyncPlan(course_run_key, frozenset(), frozenset())
    run_type = _run_type_data(assignment.course_run_type)
    keep = frozenset(run_type.seat_types)
    refuse = frozenset(track.mode.slug for track in run_type.tracks if track.seat_type is None) - keep
    return SeatSyncPlan(course_run_key, keep, refuse)


def backfill_course_types(dry_run=False, progress=None):
    """
    Infer the types of courses and runs that have none from their seats and entitlements; see ``backfill.py``.
    """
    from discovery_plugin.course_types import backfill  # pylint: disable=import-outside-toplevel

    return backfill.run(dry_run=dry_run, progress=progress)
