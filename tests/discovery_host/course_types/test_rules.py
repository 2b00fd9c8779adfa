"""
The pure rules, on plain facts: no database, every rule and its Empty exemptions.
"""
from discovery_plugin.course_types import errors, rules
from discovery_plugin.course_types.data import CourseTypeFacts, RunFacts, RunTypeFacts, TrackFacts

AUDIT = TrackFacts("audit", "Audit", "", "audit")
VERIFIED = TrackFacts("verified", "Verified", "verified", "verified")
PROFESSIONAL = TrackFacts("professional", "Professional", "professional", "professional")
NO_ID_PROFESSIONAL = TrackFacts("no-id-professional", "Professional, no ID", "professional", "professional")
MASTERS = TrackFacts("masters", "Masters", "verified", None)
CUSTOM_PRO = TrackFacts("exec-pro", "Executive", "professional", "professional")


def run_type(slug, *tracks, marketable=True):
    return RunTypeFacts(slug=slug, name=slug.title(), is_marketable=marketable, tracks=tracks)


EMPTY = run_type("empty", marketable=False)
AUDIT_ONLY = run_type("audit", AUDIT)
VERIFIED_AUDIT = run_type("verified-audit", VERIFIED, AUDIT)
PRO_ONLY = run_type("professional", PROFESSIONAL)
MASTERS_AUDIT = run_type("masters-audit", MASTERS, AUDIT)
MASTERS_ONLY = run_type("masters", MASTERS)


def course_type(slug, run_types, entitlements=()):
    return CourseTypeFacts(slug=slug, name=slug.title(), entitlement_types=tuple(entitlements), run_types=tuple(run_types))


def codes(violations):
    return [violation.code for violation in violations]


def test_a_professional_track_stands_alone():
    assert codes(rules.professional_track_violations(run_type("x", PROFESSIONAL, AUDIT))) == [
        errors.PROFESSIONAL_TRACK_NOT_ALONE
    ]
    assert codes(rules.professional_track_violations(run_type("x", NO_ID_PROFESSIONAL, VERIFIED))) == [
        errors.PROFESSIONAL_TRACK_NOT_ALONE
    ]
    # Any mode granting a professional certificate counts, whatever its slug.
    assert codes(rules.professional_track_violations(run_type("x", CUSTOM_PRO, AUDIT))) == [
        errors.PROFESSIONAL_TRACK_NOT_ALONE
    ]
    assert rules.professional_track_violations(PRO_ONLY) == []
    assert rules.professional_track_violations(VERIFIED_AUDIT) == []


def test_a_professional_course_type_allows_no_other_kind_but_empty_is_neutral():
    mixed = course_type("mixed", [PRO_ONLY, AUDIT_ONLY])
    assert codes(rules.professional_course_type_violations(mixed)) == [errors.PROFESSIONAL_COURSE_TYPE_MIXED]
    assert rules.professional_course_type_violations(course_type("pro", [PRO_ONLY, EMPTY])) == []
    assert rules.professional_course_type_violations(course_type("va", [VERIFIED_AUDIT, AUDIT_ONLY])) == []


def test_entitlements_are_sold_by_a_track_and_at_most_one():
    assert codes(rules.entitlement_violations(course_type("a", [AUDIT_ONLY], ["verified"]))) == [
        errors.ENTITLEMENT_TYPE_NOT_SOLD
    ]
    assert codes(rules.entitlement_violations(course_type("va", [VERIFIED_AUDIT], ["verified", "audit"]))) == [
        errors.TOO_MANY_ENTITLEMENT_TYPES
    ]
    assert rules.entitlement_violations(course_type("va", [VERIFIED_AUDIT], ["verified"])) == []
    # A productless track sells nothing, so a masters-only type cannot sell a masters entitlement.
    assert codes(rules.entitlement_violations(course_type("m", [MASTERS_ONLY], ["masters"]))) == [
        errors.ENTITLEMENT_TYPE_NOT_SOLD
    ]


def test_a_run_keeps_a_track_for_each_paid_seat_type():
    run = RunFacts("course-v1:X+Y+Z", "verified-audit", frozenset({"verified"}))

    assert codes(rules.paid_seat_violations(run, AUDIT_ONLY)) == [errors.PAID_SEAT_TYPE_DROPPED]
    assert rules.paid_seat_violations(run, VERIFIED_AUDIT) == []
    # Empty means "not known yet" and judges nothing, as upstream's loader has it.
    assert rules.paid_seat_violations(run, EMPTY) == []
    # Free seats are not protected: an audit seat at 0.00 may go.
    assert rules.paid_seat_violations(RunFacts("r", None, frozenset()), MASTERS_ONLY) == []


def test_the_strict_check_respects_empty_on_either_side():
    run = RunFacts("r", None, frozenset())
    verified_audit_course = course_type("verified-audit", [VERIFIED_AUDIT, AUDIT_ONLY])

    assert codes(rules.run_type_allowed_violations(run, PRO_ONLY, verified_audit_course)) == [
        errors.RUN_TYPE_NOT_ALLOWED
    ]
    assert rules.run_type_allowed_violations(run, AUDIT_ONLY, verified_audit_course) == []
    assert rules.run_type_allowed_violations(run, EMPTY, verified_audit_course) == []
    # Upstream's Empty course type allows no run type at all; its runs may have any.
    assert rules.run_type_allowed_violations(run, PRO_ONLY, course_type("empty", [])) == []


def test_a_course_type_keeps_allowing_the_run_types_its_runs_use():
    narrowed = course_type("verified-audit", [VERIFIED_AUDIT])

    found = rules.withdrawn_run_type_violations(narrowed, {"audit": ["course-v1:X+Y+1"], "empty": ["course-v1:X+Y+2"]})

    assert codes(found) == [errors.TYPE_IN_USE]
    assert "course-v1:X+Y+1" in found[0].message


def test_deletion_is_refused_while_anything_uses_the_row():
    assert codes(rules.deletion_violations("run type Audit", {"course runs": ["r1"], "course types": []})) == [
        errors.TYPE_IN_USE
    ]
    assert rules.deletion_violations("run type Audit", {"course runs": [], "course types": []}) == []


def test_matching_ignores_productless_tracks_unlike_upstream():
    no_seats = RunFacts("r", None, frozenset(), frozenset())
    audit_seat = RunFacts("r", None, frozenset(), frozenset({"audit"}))

    assert rules.matching_run_types(no_seats, [MASTERS_ONLY, AUDIT_ONLY, EMPTY]) == [MASTERS_ONLY]
    assert rules.matching_run_types(audit_seat, [MASTERS_AUDIT, AUDIT_ONLY]) == [MASTERS_AUDIT, AUDIT_ONLY]
