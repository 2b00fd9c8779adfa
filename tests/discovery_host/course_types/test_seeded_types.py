"""
The data migration seeds the document's modes, tracks and labelled types, and running it again changes nothing.
"""
import importlib

import pytest
from django.apps import apps

from discovery_plugin.course_types import api
from discovery_plugin.course_types.models import CourseRunType, CourseType, Mode, Track

from . import factories

seed_migration = importlib.import_module("discovery_plugin.course_types.migrations.0002_seed_default_types")


def _snapshot():
    return {
        "modes": sorted(
            Mode.objects.values_list("pk", "slug", "name", "is_id_verified", "is_credit_eligible", "certificate_type", "payee")
        ),
        "tracks": sorted(Track.objects.values_list("pk", "mode__slug", "seat_type__slug")),
        "run_types": sorted(
            (rt.pk, rt.uuid, rt.slug, rt.name, rt.is_marketable, tuple(sorted(rt.tracks.values_list("pk", flat=True))))
            for rt in CourseRunType.objects.all()
        ),
        "course_types": sorted(
            (
                ct.pk, ct.uuid, ct.slug, ct.name,
                tuple(sorted(ct.entitlement_types.values_list("slug", flat=True))),
                tuple(sorted(ct.course_run_types.values_list("slug", flat=True))),
            )
            for ct in CourseType.objects.all()
        ),
    }


@pytest.mark.django_db
def test_running_the_seed_migration_twice_leaves_the_same_rows():
    before = _snapshot()

    seed_migration.seed_default_types(apps, None)
    once = _snapshot()
    seed_migration.seed_default_types(apps, None)

    assert once == before
    assert _snapshot() == once


@pytest.mark.django_db
def test_the_seed_restores_a_seeded_type_that_was_edited():
    run_type = CourseRunType.objects.get(slug="verified-audit")
    run_type.name = "Renamed"
    run_type.save()
    run_type.tracks.remove(Track.objects.get(mode__slug="audit", seat_type__slug="audit"))

    seed_migration.seed_default_types(apps, None)

    run_type.refresh_from_db()
    assert run_type.name == "Verified and Audit"
    assert set(run_type.tracks.values_list("mode__slug", flat=True)) == {"verified", "audit"}


@pytest.mark.django_db
def test_the_seven_modes_of_the_document_are_seeded():
    assert set(Mode.objects.values_list("slug", flat=True)) == {
        "audit", "verified", "professional", "no-id-professional", "credit", "masters", "honor",
    }


@pytest.mark.django_db
def test_the_documents_labelled_types_are_seeded():
    names = set(CourseRunType.objects.values_list("name", flat=True))

    assert {
        "Verified and Audit", "Masters, Verified, and Audit", "Audit only", "Masters only",
        "Professional only", "Credit", "Honor", "Empty",
    } <= names
    assert {"Verified and Audit", "Masters, Verified, and Audit", "Empty", "SPOC"} <= set(
        CourseType.objects.values_list("name", flat=True)
    )


@pytest.mark.django_db
def test_the_spoc_run_type_has_an_audit_track_without_product_and_no_marketing_page():
    spoc = api.get_course_run_type("spoc-audit")

    assert [(track.mode.slug, track.seat_type) for track in spoc.tracks] == [("audit", None)]
    assert spoc.is_marketable is False


@pytest.mark.django_db
def test_the_masters_verified_audit_course_type_allows_the_documents_run_types():
    course_type = api.get_course_type("masters-verified-audit")

    assert {rt.name for rt in course_type.course_run_types} >= {
        "Masters, Verified, and Audit", "Verified and Audit", "Audit only", "Masters only",
    }
    assert course_type.entitlement_seat_types == ("verified",)


@pytest.mark.django_db
def test_the_seeded_types_obey_every_rule():
    for run_type in CourseRunType.objects.all():
        run_type.full_clean()
    for course_type in CourseType.objects.all():
        course_type.full_clean()


# run type slug -> (LMS modes, ecommerce seats, marketable)
EXPECTED_RUN_REQUIREMENTS = {
    "empty": (set(), set(), False),
    "audit": ({"audit"}, {"audit"}, True),
    "verified-audit": ({"verified", "audit"}, {"verified", "audit"}, True),
    "professional": ({"professional"}, {"professional"}, True),
    "no-id-professional": ({"no-id-professional"}, {"professional"}, True),
    "credit-verified-audit": ({"credit", "verified", "audit"}, {"credit", "verified", "audit"}, True),
    "honor": ({"honor"}, {"honor"}, True),
    "verified-honor": ({"verified", "honor"}, {"verified", "honor"}, True),
    "masters-verified-audit": ({"masters", "verified", "audit"}, {"verified", "audit"}, True),
    "masters-audit": ({"masters", "audit"}, {"audit"}, True),
    "masters": ({"masters"}, set(), True),
    "spoc-audit": ({"audit"}, set(), False),
}

# course type slug -> entitlements it needs
EXPECTED_ENTITLEMENTS = {
    "empty": set(),
    "audit": set(),
    "verified-audit": {"verified"},
    "professional": {"professional"},
    "no-id-professional": {"professional"},
    "credit-verified-audit": {"verified"},
    "honor": set(),
    "verified-honor": {"verified"},
    "masters-verified-audit": {"verified"},
    "masters": set(),
    "spoc": set(),
}


@pytest.mark.django_db
def test_every_seeded_type_has_an_expected_derivation():
    assert set(CourseRunType.objects.values_list("slug", flat=True)) == set(EXPECTED_RUN_REQUIREMENTS)
    assert set(CourseType.objects.values_list("slug", flat=True)) == set(EXPECTED_ENTITLEMENTS)


@pytest.mark.django_db
@pytest.mark.parametrize("run_type_slug", sorted(EXPECTED_RUN_REQUIREMENTS))
def test_derivation_for_a_run_of_each_seeded_run_type(run_type_slug):
    course_type = CourseType.objects.filter(course_run_types__slug=run_type_slug).order_by("pk").first()
    run = factories.course_run()
    api.assign_course_type(run.course.key, course_type.slug)

    requirements = api.assign_course_run_type(run.key, run_type_slug)

    modes, seats, marketable = EXPECTED_RUN_REQUIREMENTS[run_type_slug]
    assert set(requirements.lms_modes) == modes
    assert set(requirements.seat_types) == seats
    assert requirements.is_marketable is marketable
    assert requirements.course_run_type.slug == run_type_slug


@pytest.mark.django_db
@pytest.mark.parametrize("course_type_slug", sorted(EXPECTED_ENTITLEMENTS))
def test_derivation_for_a_course_of_each_seeded_course_type(course_type_slug):
    course = factories.course()

    requirements = api.assign_course_type(course.key, course_type_slug)

    assert set(requirements.entitlement_seat_types) == EXPECTED_ENTITLEMENTS[course_type_slug]
    assert requirements.course_type.slug == course_type_slug
    assert requirements.is_marketable is False  # no runs yet


@pytest.mark.django_db
def test_a_course_is_marketable_when_one_of_its_runs_is():
    course = factories.course()
    untyped_run, open_run = factories.course_run(course), factories.course_run(course, seats=["audit"])
    api.assign_course_type(course.key, "masters-verified-audit")
    api.assign_course_run_type(open_run.key, "audit")
    assert api.course_requirements(course.key).is_marketable is True
    assert untyped_run.key in [run.course_run_key for run in api.course_requirements(course.key).course_runs]


@pytest.mark.django_db
def test_a_run_without_a_type_requires_nothing_and_is_not_marketable():
    run = factories.course_run(seats=["audit"])

    requirements = api.course_run_requirements(run.key)

    assert (requirements.course_run_type, requirements.lms_modes, requirements.seat_types) == (None, (), ())
    assert requirements.is_marketable is False
