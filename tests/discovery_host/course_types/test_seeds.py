"""
The plugin seeds only what upstream lacks, by slug, and never changes a row that exists.
"""
import pytest
from course_discovery.apps.course_metadata.models import CourseRunType, CourseType, Mode, Track
from django.apps import apps as installed_apps

from discovery_plugin.course_types import seeds

pytestmark = pytest.mark.django_db

UPSTREAM_RUN_TYPES = {
    "audit", "professional", "verified-audit", "credit-verified-audit", "empty", "honor", "verified-honor",
    "credit-verified-honor", "verified",
}
SEEDED_RUN_TYPES = {"no-id-professional", "masters-verified-audit", "masters-audit", "masters", "spoc-audit"}


def _snapshot():
    return {
        "modes": set(Mode.objects.values_list("slug", "name", "certificate_type", "payee")),
        "tracks": set(Track.objects.values_list("id", "mode__slug", "seat_type__slug")),
        "run_types": {
            (rt.slug, rt.name, rt.is_marketable, tuple(sorted(rt.tracks.values_list("id", flat=True))))
            for rt in CourseRunType.objects.all()
        },
        "course_types": {
            (ct.slug, ct.name, tuple(ct.course_run_types.values_list("slug", flat=True)),
             tuple(ct.entitlement_types.values_list("slug", flat=True)))
            for ct in CourseType.objects.all()
        },
    }


def test_the_migration_added_only_what_upstream_lacks():
    assert set(CourseRunType.objects.values_list("slug", flat=True)) == UPSTREAM_RUN_TYPES | SEEDED_RUN_TYPES
    masters_audit = CourseRunType.objects.get(slug="masters-audit")
    assert set(masters_audit.tracks.values_list("mode__slug", "seat_type__slug")) == {("masters", None), ("audit", "audit")}
    spoc = CourseRunType.objects.get(slug="spoc-audit")
    assert not spoc.is_marketable
    assert list(spoc.tracks.values_list("mode__slug", "seat_type__slug")) == [("audit", None)]
    masters_course = CourseType.objects.get(slug="masters-verified-audit")
    assert list(masters_course.entitlement_types.values_list("slug", flat=True)) == ["verified"]
    # Upstream's own rows are upstream's: e.g. its credit mode is not ID verified (its 0225).
    assert not Mode.objects.get(slug="credit").is_id_verified


def test_seeding_again_creates_nothing():
    before = _snapshot()

    created = seeds.seed_missing_types(installed_apps)

    assert created == {"modes": [], "tracks": [], "course_run_types": [], "course_types": []}
    assert _snapshot() == before


def test_an_operators_edited_rows_are_left_alone():
    masters = Mode.objects.get(slug="masters")
    masters.name = "Master's degree"
    masters.payee = "platform"
    masters.save()
    spoc = CourseRunType.objects.get(slug="spoc-audit")
    spoc.name = "Private (our SPOC)"
    spoc.is_marketable = True
    spoc.save()
    spoc.tracks.set([Track.objects.get(mode__slug="audit", seat_type__slug="audit")])
    masters_course = CourseType.objects.get(slug="masters")
    masters_course.course_run_types.set([CourseRunType.objects.get(slug="masters"), CourseRunType.objects.get(slug="empty")])
    before = _snapshot()

    seeds.seed_missing_types(installed_apps)

    assert _snapshot() == before
    spoc.refresh_from_db()
    assert (spoc.name, spoc.is_marketable) == ("Private (our SPOC)", True)
    assert Mode.objects.get(slug="masters").name == "Master's degree"


def test_a_deleted_seed_comes_back_but_existing_tracks_are_reused():
    CourseType.objects.get(slug="spoc-audit").delete()
    CourseRunType.objects.get(slug="spoc-audit").delete()
    tracks_before = Track.objects.count()

    created = seeds.seed_missing_types(installed_apps)

    assert created["course_run_types"] == ["spoc-audit"]
    assert created["course_types"] == ["spoc-audit"]
    assert Track.objects.count() == tracks_before
