"""
The rules of course types, as pure functions over the values of ``data.py``.

Nothing here reads or writes the database: ``checks.py`` reads upstream's rows into
facts and calls these; the signal guards, the admin forms and the audit all go
through ``checks.py``. Each function returns the broken rules as ``Violation`` values
(empty when all hold). Empty types (upstream's "not known yet") are neutral
everywhere, as upstream treats them.
"""
from django.utils.translation import gettext as _

from discovery_plugin.course_types import errors
from discovery_plugin.course_types.data import Violation

PROFESSIONAL_MODE_SLUGS = frozenset({"professional", "no-id-professional"})
PROFESSIONAL_CERTIFICATE = "professional"


def _names(items):
    return ", ".join(sorted(str(item) for item in items))


def is_professional_track(track):
    """
    Professional and no-id-professional tracks, and any track whose mode grants a professional certificate.
    """
    return track.mode_slug in PROFESSIONAL_MODE_SLUGS or track.certificate_type == PROFESSIONAL_CERTIFICATE


def is_professional_run_type(run_type):
    return any(is_professional_track(track) for track in run_type.tracks)


def professional_track_violations(run_type):
    """
    A professional track stands alone: a run type with one has no other track.

    course-discovery's ADR 0009 states this rule; course-discovery never enforces it.
    """
    professional = [track for track in run_type.tracks if is_professional_track(track)]
    if not professional or len(run_type.tracks) == 1:
        return []
    others = [track.mode_name for track in run_type.tracks if track is not professional[0]]
    return [
        Violation(
            errors.PROFESSIONAL_TRACK_NOT_ALONE,
            _("{mode} must stand alone in run type {run_type}; it cannot share it with {others}.").format(
                mode=professional[0].mode_name, run_type=run_type.name, others=_names(others)
            ),
            "tracks",
        )
    ]


def professional_course_type_violations(course_type):
    """
    A course type that allows a professional run type allows no other kind; trackless run types (Empty) are neutral.
    """
    kinds = {is_professional_run_type(run_type) for run_type in course_type.run_types if run_type.tracks}
    if len(kinds) < 2:
        return []
    return [
        Violation(
            errors.PROFESSIONAL_COURSE_TYPE_MIXED,
            _("Course type {course_type} mixes professional and other run types; professional stands alone.").format(
                course_type=course_type.name
            ),
            "course_run_types",
        )
    ]


def entitlement_violations(course_type):
    """
    A course type sells at most one entitlement seat type, and only one some track of its run types sells.

    Upstream's ``CourseEntitlement`` is unique per course (and draft), so a second
    entitlement type could never be sold; an entitlement for a seat type no run sells
    buys nothing.
    """
    violations = []
    if len(course_type.entitlement_types) > 1:
        violations.append(
            Violation(
                errors.TOO_MANY_ENTITLEMENT_TYPES,
                _("Course type {course_type} has entitlement types {types}; a course has at most one.").format(
                    course_type=course_type.name, types=_names(course_type.entitlement_types)
                ),
                "entitlement_types",
            )
        )
    sold = {seat_type for run_type in course_type.run_types for seat_type in run_type.seat_types}
    unsold = set(course_type.entitlement_types) - sold
    if unsold:
        violations.append(
            Violation(
                errors.ENTITLEMENT_TYPE_NOT_SOLD,
                _("Course type {course_type} sells {types} entitlements, which no track of its run types sells.")
                .format(course_type=course_type.name, types=_names(unsold)),
                "entitlement_types",
            )
        )
    return violations


def course_type_violations(course_type):
    """
    Everything a course type's own shape can break.
    """
    return professional_course_type_violations(course_type) + entitlement_violations(course_type)


def paid_seat_violations(run, run_type, field="type"):
    """
    A run keeps a track for every seat type it already sells at a price: paid seats are not dropped silently.

    An Empty type is "not known yet" and judges nothing, as upstream's seat loader has it.
    """
    if run_type is None or run_type.empty:
        return []
    dropped = set(run.paid_seat_types) - set(run_type.seat_types)
    if not dropped:
        return []
    return [
        Violation(
            errors.PAID_SEAT_TYPE_DROPPED,
            _("Run {run} sells paid {seat_types} seats, which run type {run_type} has no track for.").format(
                run=run.key, seat_types=_names(dropped), run_type=run_type.name
            ),
            field,
        )
    ]


def run_type_allowed_violations(run, run_type, course_type, field="type"):
    """
    The strict check: a run's type is one its course's type allows.

    Upstream lets a run differ from its course's type (its Empty course type allows
    no run type at all), so Empty on either side is always allowed and the check is
    only made when ``COMMERCE_DISCOVERY_STRICT_RUN_TYPES`` is on.
    """
    if run_type is None or course_type is None or run_type.empty or course_type.empty:
        return []
    if run_type.slug in {allowed.slug for allowed in course_type.run_types}:
        return []
    return [
        Violation(
            errors.RUN_TYPE_NOT_ALLOWED,
            _("Run {run} is {run_type}, which course type {course_type} does not allow.").format(
                run=run.key, run_type=run_type.name, course_type=course_type.name
            ),
            field,
        )
    ]


def withdrawn_run_type_violations(course_type, used_run_types):
    """
    A course type keeps allowing every non-Empty run type its courses' runs use.

    ``used_run_types`` maps a run type slug to the keys of runs of this course type's courses having it.
    """
    allowed = {run_type.slug for run_type in course_type.run_types}
    withdrawn = {slug: keys for slug, keys in used_run_types.items() if slug not in allowed and slug != "empty"}
    return [
        Violation(
            errors.TYPE_IN_USE,
            _("Runs {runs} of {course_type} courses are {run_type}; it must stay allowed.").format(
                runs=_names(keys[:10]), course_type=course_type.name, run_type=slug
            ),
            "course_run_types",
        )
        for slug, keys in sorted(withdrawn.items())
    ]


def deletion_violations(label, users):
    """
    Something still in use is not deleted: upstream's foreign keys would CASCADE the delete onto its users.

    ``users`` maps what uses it ("course runs", "tracks", ...) to a few of their names.
    """
    used = {what: names for what, names in users.items() if names}
    if not used:
        return []
    parts = "; ".join(f"{what} {_names(names[:10])}" for what, names in sorted(used.items()))
    return [
        Violation(
            errors.TYPE_IN_USE,
            _("{label} is used by {parts}; deleting it would delete or untype them.").format(label=label, parts=parts),
        )
    ]


def matching_run_types(run, candidates):
    """
    The run types among ``candidates`` whose sold seat types equal the run's seat types.

    Unlike upstream's ``_is_matching_run_type``, a productless track (masters, a SPOC's
    audit) adds nothing to the comparison, so such run types can match.
    """
    return [
        run_type for run_type in candidates if not run_type.empty and set(run_type.seat_types) == set(run.seat_types)
    ]
