"""
The audit: upstream rows that break the rules, and the fixes that are unambiguous.

Findings (``data.Finding``), with ``fix`` set only where exactly one correction exists:

* a run type whose professional track shares it with another (no fix);
* a course type mixing professional and other run types (no fix), with more than one
  entitlement type (no fix), or with an entitlement type no track sells (fix: drop it,
  when no course of that type has an entitlement of it);
* a run with paid seats of a seat type its type does not sell (fix: the one run type
  its course type allows whose sold seat types equal the run's);
* a run typed Empty (or untyped) under a typed course that exactly one allowed run type
  fits, that type having a productless track (masters, SPOC): upstream's
  ``calculate_course_type`` cannot match those (its ``_is_matching_run_type`` counts the
  productless track as a seat type), and does every other case itself.

Fixes write with ``update()``, as upstream's migrations do: no save signals fire, so
search indexes catch up at the next ``update_index``.
"""
from django.db import transaction

from discovery_plugin import platform
from discovery_plugin.course_types import checks, errors, rules
from discovery_plugin.course_types.data import Finding, RunFacts


def _run_type_facts_by_id():
    return {run_type.pk: checks.run_type_facts(run_type, run_type.tracks.all()) for run_type in platform.run_types()}


def audit(fix=False):
    """
    Every finding, in a stable order; with ``fix``, apply the unambiguous fixes in one transaction.
    """
    with transaction.atomic():
        findings, fixes = _audit()
        if fix:
            for apply in fixes:
                apply()
    return findings


def _audit():
    models = platform.models()
    findings, fixes = [], []
    run_types = _run_type_facts_by_id()

    for facts in run_types.values():
        for violation in rules.professional_track_violations(facts):
            findings.append(Finding(violation.code, f"course run type {facts.slug}", violation.message))

    course_types = {}
    for course_type in platform.course_types():
        facts = checks.course_type_facts(
            course_type,
            run_types=list(course_type.course_run_types.all()),
            entitlement_types=list(course_type.entitlement_types.all()),
        )
        course_types[course_type.pk] = facts
        for violation in rules.course_type_violations(facts):
            finding, apply = _course_type_fix(course_type, facts, violation)
            findings.append(finding)
            if apply:
                fixes.append(apply)

    pk_of = {facts.slug: pk for pk, facts in run_types.items()}
    runs = list(
        models.CourseRun.everything.order_by("key", "id").values_list("id", "key", "type_id", "course__type_id")
    )
    seats = platform.seats_of_runs([run_id for run_id, *_ in runs])
    for run_id, key, run_type_id, course_type_id in runs:
        run_type = run_types.get(run_type_id)
        course_type = course_types.get(course_type_id)
        rows = seats.get(run_id, [])
        facts = RunFacts(
            key=key,
            run_type=run_type.slug if run_type else None,
            paid_seat_types=frozenset(slug for slug, price in rows if price > 0),
            seat_types=frozenset(slug for slug, _price in rows),
        )
        candidates = rules.matching_run_types(facts, course_type.run_types) if course_type else []
        target = candidates[0] if len(candidates) == 1 else None

        for violation in rules.paid_seat_violations(facts, run_type):
            fix = f"set run type {target.slug}" if target else ""
            findings.append(Finding(violation.code, f"course run {key}", violation.message, fix))
            if target:
                fixes.append(_set_run_type(run_id, pk_of[target.slug]))
        untyped = run_type is None or run_type.empty
        if untyped and target and not course_type.empty and any(t.seat_type is None for t in target.tracks):
            findings.append(
                Finding(
                    errors.RUN_TYPE_MISSING,
                    f"course run {key}",
                    f"Run {key} has no known type; its seats fit only {target.name} of its course type "
                    f"{course_type.name}.",
                    f"set run type {target.slug}",
                )
            )
            fixes.append(_set_run_type(run_id, pk_of[target.slug]))
    return findings, fixes


def _set_run_type(run_id, run_type_pk):
    def apply():
        platform.models().CourseRun.everything.filter(pk=run_id).update(type_id=run_type_pk)

    return apply


def _course_type_fix(course_type, facts, violation):
    subject = f"course type {facts.slug}"
    if violation.code != errors.ENTITLEMENT_TYPE_NOT_SOLD:
        return Finding(violation.code, subject, violation.message), None
    models = platform.models()
    sold = {seat_type for run_type in facts.run_types for seat_type in run_type.seat_types}
    unsold = [slug for slug in facts.entitlement_types if slug not in sold]
    in_use = set(
        models.CourseEntitlement.everything.filter(course__type=course_type, mode__slug__in=unsold).values_list(
            "mode__slug", flat=True
        )
    )
    removable = [slug for slug in unsold if slug not in in_use]
    if not removable or in_use:
        return Finding(violation.code, subject, violation.message), None

    def apply():
        course_type.entitlement_types.remove(*models.SeatType.objects.filter(slug__in=removable))

    fix = f"remove entitlement types {', '.join(removable)}"
    return Finding(violation.code, subject, violation.message, fix), apply
