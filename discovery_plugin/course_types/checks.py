"""
Reads upstream's rows into the facts of ``data.py`` and judges them with ``rules.py``.

The guards (``handlers.py``), the admin forms (``admin.py``) and the audit
(``audit.py``) all call these, with the *proposed* state where one is about to be
written. ``raise_for`` turns violations into ``RuleViolation``.
"""
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import ValidationError as DRFValidationError

from discovery_plugin import platform
from discovery_plugin.conf import setting
from discovery_plugin.course_types import rules
from discovery_plugin.course_types.data import CourseTypeFacts, RunFacts, RunTypeFacts, TrackFacts


class _DRFValidationError(DRFValidationError):
    """
    DRF's ``ValidationError`` without its own ``__init__``: Django's ``ValidationError.__init__`` calls
    ``super().__init__(message, code, params)``, which must land on ``Exception``.
    """

    def __init__(self, *args):  # pylint: disable=super-init-not-called
        Exception.__init__(self, *args)  # pylint: disable=non-parent-init-called


class RuleViolation(DjangoValidationError, _DRFValidationError):
    """
    A refused write: a Django ``ValidationError`` (forms show it, upstream's Publisher views catch it) that is
    also a DRF ``ValidationError``, so a DRF view that lets it through answers 400 with its error codes.
    """

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, violations):
        self.violations = list(violations)
        by_field = {}
        for violation in self.violations:
            by_field.setdefault(violation.field or NON_FIELD_ERRORS, []).append(
                DjangoValidationError(violation.message, code=violation.code)
            )
        DjangoValidationError.__init__(self, by_field)
        self.detail = {
            "error_code": self.violations[0].code,
            "message": self.violations[0].message,
            "violations": [{"error_code": v.code, "message": v.message} for v in self.violations],
        }

    def __str__(self):
        return "; ".join(f"{v.code}: {v.message}" for v in self.violations)


def raise_for(violations):
    """
    Raise ``RuleViolation`` if there is any violation.
    """
    violations = list(violations)
    if violations:
        raise RuleViolation(violations)


# --- facts ------------------------------------------------------------------------------------


def track_facts(track):
    return TrackFacts(
        mode_slug=track.mode.slug,
        mode_name=track.mode.name,
        certificate_type=track.mode.certificate_type or "",
        seat_type=track.seat_type.slug if track.seat_type_id else None,
    )


def run_type_facts(run_type, tracks=None):
    """
    ``run_type`` with ``tracks`` (the proposed ones), else its saved tracks.
    """
    if tracks is None:
        tracks = run_type.tracks.select_related("mode", "seat_type") if run_type.pk else []
    return RunTypeFacts(
        slug=run_type.slug,
        name=run_type.name,
        is_marketable=run_type.is_marketable,
        tracks=tuple(track_facts(track) for track in tracks),
    )


def course_type_facts(course_type, run_types=None, entitlement_types=None, replaced=None):
    """
    ``course_type`` with the proposed run types and entitlement types, else its saved ones.

    ``replaced`` is a ``RunTypeFacts`` to use in place of the saved run type of the same slug.
    """
    if run_types is None:
        run_types = list(course_type.course_run_types.all()) if course_type.pk else []
    if entitlement_types is None:
        entitlement_types = list(course_type.entitlement_types.all()) if course_type.pk else []
    facts = []
    for run_type in run_types:
        if replaced is not None and run_type.slug == replaced.slug:
            facts.append(replaced)
        else:
            facts.append(run_type_facts(run_type))
    return CourseTypeFacts(
        slug=course_type.slug,
        name=course_type.name,
        entitlement_types=tuple(seat_type.slug for seat_type in entitlement_types),
        run_types=tuple(facts),
    )


def run_facts(course_run, run_type_slug=None):
    """
    The run's key, a type slug and its seat types (all, and those priced above zero), in one query (none if unsaved).
    """
    rows = platform.seats_of_runs([course_run.pk]).get(course_run.pk, []) if course_run.pk else []
    return RunFacts(
        key=course_run.key,
        run_type=run_type_slug,
        paid_seat_types=frozenset(slug for slug, price in rows if price > 0),
        seat_types=frozenset(slug for slug, _price in rows),
    )


def _used_run_types(course_type):
    """
    ``{run type slug: [run keys]}`` of the runs of the courses having ``course_type``.
    """
    used = {}
    rows = (
        platform.models()
        .CourseRun.everything.filter(course__type=course_type, type__isnull=False)
        .values_list("type__slug", "key")
        .order_by("key")
    )
    for slug, key in rows:
        used.setdefault(slug, []).append(key)
    return used


# --- judgements ---------------------------------------------------------------------------------


def run_type_violations(run_type, tracks):
    """
    Everything that breaks if ``run_type`` had ``tracks``: professional alone, the course types allowing it, its runs.
    """
    proposed = run_type_facts(run_type, tracks)
    violations = rules.professional_track_violations(proposed)
    if not run_type.pk:
        return violations
    for course_type in platform.models().CourseType.objects.filter(course_run_types=run_type).distinct():
        violations += rules.course_type_violations(course_type_facts(course_type, replaced=proposed))
    runs = list(platform.models().CourseRun.everything.filter(type=run_type).values_list("id", "key"))
    seats = platform.seats_of_runs([run_id for run_id, _key in runs])
    for run_id, key in runs:
        paid = frozenset(slug for slug, price in seats.get(run_id, []) if price > 0)
        facts = RunFacts(key=key, run_type=run_type.slug, paid_seat_types=paid)
        violations += rules.paid_seat_violations(facts, proposed, field="tracks")
    return _relabel(violations, "tracks")


def course_type_violations(course_type, run_types, entitlement_types):
    """
    Everything that breaks if ``course_type`` allowed ``run_types`` and sold ``entitlement_types``.
    """
    proposed = course_type_facts(course_type, run_types, entitlement_types)
    violations = rules.course_type_violations(proposed)
    if course_type.pk:
        violations += rules.withdrawn_run_type_violations(proposed, _used_run_types(course_type))
    return violations


def course_run_type_change_violations(course_run, run_type, field="type"):
    """
    A run may take ``run_type`` if it keeps every paid seat type and, when strict, if its course's type allows it.
    """
    if run_type is None:
        return []
    strict = setting("COMMERCE_DISCOVERY_STRICT_RUN_TYPES") and course_run.course_id
    # A new run has no seats yet: unless strict, nothing to read (upstream creates runs in bulk).
    facts = run_facts(course_run, run_type.slug)
    if not facts.paid_seat_types and not strict:
        return []
    proposed = run_type_facts(run_type)
    violations = rules.paid_seat_violations(facts, proposed, field)
    if strict:
        course_type = platform.models().Course.everything.select_related("type").get(pk=course_run.course_id).type
        if course_type is not None:
            violations += rules.run_type_allowed_violations(facts, proposed, course_type_facts(course_type), field)
    return violations


def course_type_change_violations(course, course_type, field="type"):
    """
    When strict, a course may take ``course_type`` only if the type allows every one of its runs' types.
    """
    if course_type is None or not course.pk or not setting("COMMERCE_DISCOVERY_STRICT_RUN_TYPES"):
        return []
    proposed = course_type_facts(course_type)
    violations = []
    for run in course.course_runs.select_related("type").exclude(type=None):
        facts = RunFacts(key=run.key, run_type=run.type.slug, paid_seat_types=frozenset())
        violations += rules.run_type_allowed_violations(facts, run_type_facts(run.type), proposed, field)
    return violations


def deletion_violations(instance):
    """
    What still uses ``instance`` (a seat type, mode, track, run type or course type), by kind.
    """
    models = platform.models()

    def names(queryset, field):
        return [str(value) for value in queryset.values_list(field, flat=True)[:10]]

    if isinstance(instance, models.SeatType):
        users = {
            "tracks": names(models.Track.objects.filter(seat_type=instance), "mode__name"),
            "course types (entitlements)": names(models.CourseType.objects.filter(entitlement_types=instance), "name"),
            "seats of runs": names(models.Seat.everything.filter(type=instance), "course_run__key"),
        }
    elif isinstance(instance, models.Mode):
        users = {"tracks": names(models.Track.objects.filter(mode=instance), "mode__name")}
    elif isinstance(instance, models.Track):
        users = {"run types": names(models.CourseRunType.objects.filter(tracks=instance), "name")}
    elif isinstance(instance, models.CourseRunType):
        users = {
            "course types": names(models.CourseType.objects.filter(course_run_types=instance), "name"),
            "course runs": names(models.CourseRun.everything.filter(type=instance), "key"),
        }
    elif isinstance(instance, models.CourseType):
        users = {"courses": names(models.Course.everything.filter(type=instance), "key")}
    else:
        return []
    return rules.deletion_violations(f"{instance._meta.verbose_name} {instance}", users)


def _relabel(violations, field):
    return [type(v)(v.code, v.message, field) for v in violations]
