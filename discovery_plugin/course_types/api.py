"""
The public Python interface of course types: upstream's types, and what a run or course requires by them.

Everything is read from course-discovery's own tables (``platform.py``) and returned
as the frozen values of ``data.py``. Lookups by course or run key take the partner,
as upstream's keys are unique per partner only.
"""
from django.utils.translation import gettext as _

from discovery_plugin import platform
from discovery_plugin.course_types import errors
from discovery_plugin.course_types.data import (
    CourseRequirements,
    CourseRunRequirements,
    CourseRunTypeData,
    CourseTypeData,
    ModeData,
    TrackData,
)


class NotFoundError(LookupError):
    """
    No course, run or type has the key or slug asked for (for this partner).
    """

    error_code = errors.NOT_FOUND


def _track_data(track):
    return TrackData(mode=track.mode.slug, seat_type=track.seat_type.slug if track.seat_type_id else None)


def _run_type_data(run_type):
    tracks = list(run_type.tracks.all())
    return CourseRunTypeData(
        uuid=run_type.uuid,
        slug=run_type.slug,
        name=run_type.name,
        is_marketable=run_type.is_marketable,
        tracks=tuple(_track_data(track) for track in tracks),
        lms_modes=tuple(dict.fromkeys(track.mode.slug for track in tracks)),
        seat_types=tuple(dict.fromkeys(track.seat_type.slug for track in tracks if track.seat_type_id)),
    )


def _course_type_data(course_type):
    return CourseTypeData(
        uuid=course_type.uuid,
        slug=course_type.slug,
        name=course_type.name,
        entitlement_types=tuple(seat_type.slug for seat_type in course_type.entitlement_types.all()),
        course_run_types=tuple(run_type.slug for run_type in course_type.course_run_types.all()),
    )


def list_modes():
    return [
        ModeData(
            slug=mode.slug,
            name=mode.name,
            is_id_verified=mode.is_id_verified,
            is_credit_eligible=mode.is_credit_eligible,
            certificate_type=mode.certificate_type,
            payee=mode.payee,
        )
        for mode in platform.models().Mode.objects.order_by("id")
    ]


def list_tracks():
    return [_track_data(track) for track in platform.tracks()]


def list_course_run_types():
    """
    Every upstream run type with its tracks, in 2 queries.
    """
    return [_run_type_data(run_type) for run_type in platform.run_types()]


def get_course_run_type(slug):
    run_type = platform.run_types().filter(slug=slug).first()
    if run_type is None:
        raise NotFoundError(_("No course run type has the slug %(key)r.") % {"key": slug})
    return _run_type_data(run_type)


def list_course_types():
    """
    Every upstream course type with its entitlement and run types, in 3 queries.
    """
    return [_course_type_data(course_type) for course_type in _course_types()]


def get_course_type(slug):
    course_type = _course_types().filter(slug=slug).first()
    if course_type is None:
        raise NotFoundError(_("No course type has the slug %(key)r.") % {"key": slug})
    return _course_type_data(course_type)


def _course_types():
    return platform.models().CourseType.objects.order_by("id").prefetch_related("entitlement_types", "course_run_types")


def course_runs(partner, course_key=None):
    """
    The partner's published runs (optionally of one course), with their course, for ``requirements_of_runs``.
    """
    runs = platform.course_runs_of_partner(partner)
    if course_key:
        runs = runs.filter(course__key=course_key)
    return runs


def requirements_of_runs(runs):
    """
    What each run of ``runs`` (from ``course_runs``) requires by its type: one query for the runs, two for the
    run types they use and those types' tracks, whatever their number.
    """
    runs = list(runs)
    type_ids = {run.type_id for run in runs if run.type_id}
    by_type = {run_type.pk: _run_type_data(run_type) for run_type in platform.run_types().filter(pk__in=type_ids)}
    found = []
    for run in runs:
        run_type = by_type.get(run.type_id)
        found.append(
            CourseRunRequirements(
                course_run_key=run.key,
                course_key=run.course.key,
                course_run_type=run_type.slug if run_type else None,
                lms_modes=run_type.lms_modes if run_type else (),
                seat_types=run_type.seat_types if run_type else (),
                run_type_is_marketable=bool(run_type and run_type.is_marketable),
            )
        )
    return found


def course_run_requirements(partner, course_run_key):
    found = requirements_of_runs(course_runs(partner).filter(key=course_run_key)[:1])
    if not found:
        raise NotFoundError(_("No course run has the key %(key)r.") % {"key": course_run_key})
    return found[0]


def course_requirements(partner, course_key):
    """
    What the partner's published course ``course_key`` requires: its type's entitlement types, and each run's needs.
    """
    course = (
        platform.courses_of_partner(partner)
        .filter(key=course_key)
        .select_related("type")
        .prefetch_related("type__entitlement_types")
        .first()
    )
    if course is None:
        raise NotFoundError(_("No course has the key %(key)r.") % {"key": course_key})
    entitlement_types = tuple(s.slug for s in course.type.entitlement_types.all()) if course.type_id else ()
    return CourseRequirements(
        course_key=course.key,
        course_type=course.type.slug if course.type_id else None,
        entitlement_types=entitlement_types,
        course_runs=tuple(requirements_of_runs(course_runs(partner).filter(course=course))),
    )
