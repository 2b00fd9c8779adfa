"""
Seed the default modes, tracks, course run types and course types (ADR 0007 lists them).

Idempotent: rows are found by slug (tracks by mode and seat type) and brought to the
values below; running it again leaves the same rows. Seat types the host lacks are
created with the host's slug. Reversing removes only the seeded types nobody uses.
"""
from django.db import migrations

# (slug, name, is_id_verified, is_credit_eligible, certificate_type, payee)
MODES = [
    ("audit", "Audit", False, False, "", ""),
    ("verified", "Verified", True, False, "verified", "platform"),
    ("professional", "Professional", True, False, "professional", "platform"),
    ("no-id-professional", "Professional, no ID verification", False, False, "professional", "platform"),
    ("credit", "Credit", True, True, "credit", "platform"),
    ("masters", "Masters", True, False, "verified", "organization"),
    ("honor", "Honor", False, False, "honor", ""),
]
# (slug, name) of the host seat types the tracks sell; professional sells both professional modes.
SEAT_TYPES = [
    ("audit", "Audit"),
    ("verified", "Verified"),
    ("professional", "Professional"),
    ("credit", "Credit"),
    ("honor", "Honor"),
]
# (mode slug, seat type slug or None: no ecommerce product)
TRACKS = [
    ("audit", "audit"),
    ("verified", "verified"),
    ("professional", "professional"),
    ("no-id-professional", "professional"),
    ("credit", "credit"),
    ("masters", None),
    ("honor", "honor"),
    ("audit", None),  # the SPOC's audit: enrolled in the LMS, never sold
]
# (slug, name, tracks, is_marketable)
COURSE_RUN_TYPES = [
    ("empty", "Empty", [], False),
    ("audit", "Audit only", [("audit", "audit")], True),
    ("verified-audit", "Verified and Audit", [("verified", "verified"), ("audit", "audit")], True),
    ("professional", "Professional only", [("professional", "professional")], True),
    ("no-id-professional", "Professional (no ID verification) only", [("no-id-professional", "professional")], True),
    (
        "credit-verified-audit",
        "Credit",
        [("credit", "credit"), ("verified", "verified"), ("audit", "audit")],
        True,
    ),
    ("honor", "Honor", [("honor", "honor")], True),
    ("verified-honor", "Verified and Honor", [("verified", "verified"), ("honor", "honor")], True),
    (
        "masters-verified-audit",
        "Masters, Verified, and Audit",
        [("masters", None), ("verified", "verified"), ("audit", "audit")],
        True,
    ),
    ("masters-audit", "Masters and Audit", [("masters", None), ("audit", "audit")], True),
    ("masters", "Masters only", [("masters", None)], True),
    ("spoc-audit", "SPOC (audit, no product)", [("audit", None)], False),
]
# (slug, name, entitlement seat types, allowed run types)
COURSE_TYPES = [
    ("empty", "Empty", [], ["empty"]),
    ("audit", "Audit only", [], ["audit"]),
    ("verified-audit", "Verified and Audit", ["verified"], ["verified-audit", "audit"]),
    ("professional", "Professional only", ["professional"], ["professional"]),
    ("no-id-professional", "Professional (no ID verification) only", ["professional"], ["no-id-professional"]),
    ("credit-verified-audit", "Credit", ["verified"], ["credit-verified-audit", "verified-audit", "audit"]),
    ("honor", "Honor", [], ["honor"]),
    ("verified-honor", "Verified and Honor", ["verified"], ["verified-honor", "honor"]),
    (
        "masters-verified-audit",
        "Masters, Verified, and Audit",
        ["verified"],
        ["masters-verified-audit", "verified-audit", "masters-audit", "audit", "masters"],
    ),
    ("masters", "Masters only", [], ["masters"]),
    ("spoc", "SPOC", [], ["spoc-audit"]),
]


def seed_default_types(apps, schema_editor):  # pylint: disable=unused-argument
    Mode = apps.get_model("commerce_course_types", "Mode")
    Track = apps.get_model("commerce_course_types", "Track")
    CourseRunType = apps.get_model("commerce_course_types", "CourseRunType")
    CourseType = apps.get_model("commerce_course_types", "CourseType")
    SeatType = apps.get_model("course_metadata", "SeatType")

    seat_types = {}
    for slug, name in SEAT_TYPES:
        seat_types[slug], _ = SeatType.objects.get_or_create(slug=slug, defaults={"name": name})
    modes = {}
    for slug, name, is_id_verified, is_credit_eligible, certificate_type, payee in MODES:
        modes[slug], _ = Mode.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "is_id_verified": is_id_verified,
                "is_credit_eligible": is_credit_eligible,
                "certificate_type": certificate_type,
                "payee": payee,
            },
        )
    tracks = {}
    for mode_slug, seat_type_slug in TRACKS:
        tracks[(mode_slug, seat_type_slug)], _ = Track.objects.get_or_create(
            mode=modes[mode_slug], seat_type=seat_types[seat_type_slug] if seat_type_slug else None
        )
    run_types = {}
    for slug, name, track_keys, is_marketable in COURSE_RUN_TYPES:
        run_type, _ = CourseRunType.objects.update_or_create(
            slug=slug, defaults={"name": name, "is_marketable": is_marketable}
        )
        run_type.tracks.set([tracks[key] for key in track_keys])
        run_types[slug] = run_type
    for slug, name, entitlement_slugs, run_type_slugs in COURSE_TYPES:
        course_type, _ = CourseType.objects.update_or_create(slug=slug, defaults={"name": name})
        course_type.entitlement_types.set([seat_types[s] for s in entitlement_slugs])
        course_type.course_run_types.set([run_types[s] for s in run_type_slugs])


def unseed_default_types(apps, schema_editor):  # pylint: disable=unused-argument
    Mode = apps.get_model("commerce_course_types", "Mode")
    Track = apps.get_model("commerce_course_types", "Track")
    CourseRunType = apps.get_model("commerce_course_types", "CourseRunType")
    CourseType = apps.get_model("commerce_course_types", "CourseType")

    CourseType.objects.filter(slug__in=[row[0] for row in COURSE_TYPES], assignments__isnull=True).delete()
    CourseRunType.objects.filter(
        slug__in=[row[0] for row in COURSE_RUN_TYPES], assignments__isnull=True, course_types__isnull=True
    ).delete()
    Track.objects.filter(course_run_types__isnull=True, mode__slug__in=[row[0] for row in MODES]).delete()
    Mode.objects.filter(slug__in=[row[0] for row in MODES], tracks__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("commerce_course_types", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_default_types, unseed_default_types),
    ]
