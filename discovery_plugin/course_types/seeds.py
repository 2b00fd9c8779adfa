"""
The course types operators keep adding by hand, seeded into upstream's tables where upstream lacks them.

Upstream's migrations (up to ``0324_add_verified_only_course_type``) seed audit,
verified, professional, credit and honor modes and their types, Empty and "Verified
Only". They have no no-id-professional mode, no masters mode or track (a mode with no
ecommerce product), no masters run or course types and no SPOC (audit with no product,
no marketing page). ``seed_missing_types`` adds only those: every row is looked up by
slug (a track by mode and seat type) and created when absent; a row that exists, an
operator's or upstream's, is never changed, nor are its tracks or run types.
"""

# (slug, name, is_id_verified, certificate_type, payee)
MODES = [
    ("no-id-professional", "Professional, no ID verification", False, "professional", "platform"),
    ("masters", "Masters", True, "verified", "organization"),
]
# (mode slug, seat type slug or None: no ecommerce product)
TRACKS = [
    ("no-id-professional", "professional"),
    ("masters", None),
    ("audit", None),  # the SPOC's audit: enrolled in the LMS, never sold
]
# (slug, name, tracks, is_marketable)
COURSE_RUN_TYPES = [
    ("no-id-professional", "Professional (no ID verification) Only", [("no-id-professional", "professional")], True),
    (
        "masters-verified-audit",
        "Masters, Verified, and Audit",
        [("masters", None), ("verified", "verified"), ("audit", "audit")],
        True,
    ),
    ("masters-audit", "Masters and Audit", [("masters", None), ("audit", "audit")], True),
    ("masters", "Masters Only", [("masters", None)], True),
    ("spoc-audit", "SPOC (audit, no product)", [("audit", None)], False),
]
# (slug, name, entitlement seat types, allowed run types)
COURSE_TYPES = [
    ("no-id-professional", "Professional (no ID verification) Only", ["professional"], ["no-id-professional"]),
    (
        "masters-verified-audit",
        "Masters, Verified, and Audit",
        ["verified"],
        ["masters-verified-audit", "verified-audit", "masters-audit", "audit", "masters"],
    ),
    ("masters", "Masters Only", [], ["masters"]),
    ("spoc-audit", "SPOC (audit, no product)", [], ["spoc-audit"]),
]


def seed_missing_types(apps):
    """
    Create what upstream lacks; return the slugs created, by kind. Needs upstream's audit/verified/professional rows.
    """
    Mode = apps.get_model("course_metadata", "Mode")
    SeatType = apps.get_model("course_metadata", "SeatType")
    Track = apps.get_model("course_metadata", "Track")
    CourseRunType = apps.get_model("course_metadata", "CourseRunType")
    CourseType = apps.get_model("course_metadata", "CourseType")
    created = {"modes": [], "tracks": [], "course_run_types": [], "course_types": []}

    for slug, name, is_id_verified, certificate_type, payee in MODES:
        _, made = Mode.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "is_id_verified": is_id_verified,
                "certificate_type": certificate_type,
                "payee": payee,
            },
        )
        if made:
            created["modes"].append(slug)

    def track(mode_slug, seat_type_slug):
        # Upstream has no uniqueness on (mode, seat_type): take the oldest such track, else make one.
        mode = Mode.objects.get(slug=mode_slug)
        seat_type = SeatType.objects.get(slug=seat_type_slug) if seat_type_slug else None
        found = Track.objects.filter(mode=mode, seat_type=seat_type).order_by("id").first()
        if found is None:
            found = Track.objects.create(mode=mode, seat_type=seat_type)
            created["tracks"].append(f"{mode_slug}/{seat_type_slug or '-'}")
        return found

    for mode_slug, seat_type_slug in TRACKS:
        track(mode_slug, seat_type_slug)

    for slug, name, tracks, is_marketable in COURSE_RUN_TYPES:
        run_type, made = CourseRunType.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_marketable": is_marketable}
        )
        if made:
            run_type.tracks.set([track(*pair) for pair in tracks])
            created["course_run_types"].append(slug)

    for slug, name, entitlement_types, run_types in COURSE_TYPES:
        course_type, made = CourseType.objects.get_or_create(slug=slug, defaults={"name": name})
        if made:
            course_type.entitlement_types.set(SeatType.objects.filter(slug__in=entitlement_types))
            course_type.course_run_types.set([CourseRunType.objects.get(slug=s) for s in run_types])
            created["course_types"].append(slug)
    return created
