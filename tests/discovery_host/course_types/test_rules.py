"""
Every rule of course types holds through model validation, ``api.py`` and the signal guards; bad input writes nothing.
"""
import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from discovery_plugin.course_types import api, errors
from discovery_plugin.course_types.models import (
    CourseRunType,
    CourseRunTypeAssignment,
    CourseType,
    CourseTypeAssignment,
    Mode,
    Track,
)

from . import factories

pytestmark = pytest.mark.django_db


def codes(exc):
    error = exc.value
    found = error.error_list if not hasattr(error, "error_dict") else sum(error.error_dict.values(), [])
    return {item.code for item in found}


def track(mode, seat_type):
    return Track.objects.get(mode__slug=mode, seat_type__slug=seat_type) if seat_type else Track.objects.get(
        mode__slug=mode, seat_type__isnull=True
    )


def refused():
    """
    Expect a ValidationError, in a savepoint: the guards raise inside Django's own atomic blocks.
    """
    return _Refused()


class _Refused:
    def __enter__(self):
        self._raises = pytest.raises(ValidationError)
        self.value = self._raises.__enter__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        return self.value

    def __exit__(self, *exc_info):
        self._atomic.__exit__(*exc_info)
        return self._raises.__exit__(*exc_info)


def typed_run(course_type="verified-audit", run_type="verified-audit", **seats):
    run = factories.course_run(**seats)
    api.assign_course_type(run.course.key, course_type)
    api.assign_course_run_type(run.key, run_type)
    return run


# --- a professional track stands alone ------------------------------------------------------


@pytest.mark.parametrize("professional", [("professional", "professional"), ("no-id-professional", "professional")])
def test_model_validation_refuses_a_professional_track_beside_another(professional):
    run_type = CourseRunType(name="Pro and audit", slug="pro-audit")
    run_type.proposed_m2m = {"tracks": [track(*professional), track("audit", "audit")]}

    with pytest.raises(ValidationError) as exc:
        run_type.full_clean()

    assert codes(exc) == {errors.PROFESSIONAL_TRACK_NOT_ALONE}


def test_api_refuses_a_run_type_with_a_professional_and_an_audit_track_and_creates_nothing():
    with pytest.raises(ValidationError) as exc:
        api.save_course_run_type(
            "pro-audit", name="Pro and audit", tracks=[("professional", "professional"), ("audit", "audit")], create=True
        )

    assert codes(exc) == {errors.PROFESSIONAL_TRACK_NOT_ALONE}
    assert not CourseRunType.objects.filter(slug="pro-audit").exists()


def test_adding_a_track_to_the_professional_run_type_is_refused_even_bypassing_forms():
    professional = CourseRunType.objects.get(slug="professional")

    with refused() as exc:
        professional.tracks.add(track("audit", "audit"))

    assert codes(exc) == {errors.PROFESSIONAL_TRACK_NOT_ALONE}
    assert professional.tracks.count() == 1


def test_adding_the_professional_track_to_an_audit_run_type_from_the_track_side_is_refused():
    with refused():
        track("professional", "professional").course_run_types.add(CourseRunType.objects.get(slug="audit"))


def test_a_professional_track_alone_is_fine():
    run_type = api.save_course_run_type(
        "pro-2", name="Professional again", tracks=[("professional", "professional")], create=True
    )

    assert run_type.lms_modes == ("professional",)


def test_a_course_type_may_not_mix_professional_and_other_run_types():
    with pytest.raises(ValidationError) as exc:
        api.save_course_type(
            "pro-mixed", name="Mixed", entitlement_seat_types=["professional"],
            course_run_types=["professional", "verified-audit"], create=True,
        )

    assert errors.PROFESSIONAL_COURSE_TYPE_MIXED in codes(exc)


# --- a run's type must be one its course's type allows ---------------------------------------


def test_a_run_type_the_course_type_does_not_allow_is_refused():
    run = factories.course_run(seats=["audit"])
    api.assign_course_type(run.course.key, "audit")

    with pytest.raises(ValidationError) as exc:
        api.assign_course_run_type(run.key, "masters")

    assert codes(exc) == {errors.RUN_TYPE_NOT_ALLOWED}
    assert not CourseRunTypeAssignment.objects.filter(course_run=run).exists()


def test_model_validation_refuses_a_disallowed_run_type():
    run = factories.course_run()
    api.assign_course_type(run.course.key, "audit")
    assignment = CourseRunTypeAssignment(course_run=run, course_run_type=CourseRunType.objects.get(slug="honor"))

    with pytest.raises(ValidationError) as exc:
        assignment.full_clean()

    assert codes(exc) == {errors.RUN_TYPE_NOT_ALLOWED}


def test_a_run_of_a_course_without_a_type_cannot_take_a_type():
    run = factories.course_run()

    with pytest.raises(ValidationError) as exc:
        api.assign_course_run_type(run.key, "audit")

    assert codes(exc) == {errors.COURSE_HAS_NO_TYPE}


def test_a_course_cannot_change_to_a_type_that_disallows_its_runs_types():
    run = typed_run("masters-verified-audit", "masters")

    with pytest.raises(ValidationError) as exc:
        api.assign_course_type(run.course.key, "verified-audit")

    assert codes(exc) == {errors.RUN_TYPE_NOT_ALLOWED}
    assert CourseTypeAssignment.objects.get(course=run.course).course_type.slug == "masters-verified-audit"


def test_a_course_type_cannot_withdraw_a_run_type_its_runs_use():
    typed_run("masters-verified-audit", "masters")

    with pytest.raises(ValidationError) as exc:
        api.save_course_type(
            "masters-verified-audit", course_run_types=["masters-verified-audit", "verified-audit", "audit"]
        )

    assert codes(exc) == {errors.TYPE_IN_USE}


def test_withdrawing_a_used_run_type_is_refused_even_bypassing_forms():
    typed_run("masters-verified-audit", "masters")
    course_type = CourseType.objects.get(slug="masters-verified-audit")

    with refused():
        course_type.course_run_types.remove(CourseRunType.objects.get(slug="masters"))
    with refused():
        course_type.course_run_types.clear()

    assert course_type.course_run_types.filter(slug="masters").exists()


def test_withdrawing_an_unused_run_type_is_fine():
    course_type = api.save_course_type(
        "masters-verified-audit", course_run_types=["masters-verified-audit", "verified-audit", "audit"]
    )

    assert {rt.slug for rt in course_type.course_run_types} == {"masters-verified-audit", "verified-audit", "audit"}


# --- entitlements come from the allowed run types' tracks ----------------------------------


def test_a_course_type_cannot_sell_an_entitlement_no_allowed_run_type_sells():
    with pytest.raises(ValidationError) as exc:
        api.save_course_type(
            "audit-pro-entitlement", name="Audit with professional entitlement",
            entitlement_seat_types=["professional"], course_run_types=["audit"], create=True,
        )

    assert codes(exc) == {errors.ENTITLEMENT_TYPE_NOT_IN_RUN_TYPES}
    assert not CourseType.objects.filter(slug="audit-pro-entitlement").exists()


def test_model_validation_checks_the_saved_entitlements_of_a_course_type():
    course_type = CourseType.objects.get(slug="audit")
    course_type.proposed_m2m = {"entitlement_types": [factories.seat_type("verified")]}

    with pytest.raises(ValidationError) as exc:
        course_type.full_clean()

    assert codes(exc) == {errors.ENTITLEMENT_TYPE_NOT_IN_RUN_TYPES}


def test_a_run_type_cannot_lose_the_track_that_sells_its_course_types_entitlement():
    # "Verified and Honor" is the only run type of its course type selling verified.
    with pytest.raises(ValidationError) as exc:
        api.save_course_run_type("verified-honor", tracks=[("honor", "honor")])

    assert errors.ENTITLEMENT_TYPE_NOT_IN_RUN_TYPES in codes(exc)


# --- a type in use cannot be deleted -------------------------------------------------------


def test_a_course_type_given_to_a_course_cannot_be_deleted():
    run = typed_run()

    with pytest.raises(ValidationError) as exc:
        api.delete_course_type("verified-audit")
    with refused():
        CourseType.objects.get(slug="verified-audit").delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        CourseType.objects.filter(slug="verified-audit").delete()

    assert codes(exc) == {errors.TYPE_IN_USE}
    assert run.course.key in str(exc.value)
    assert CourseType.objects.filter(slug="verified-audit").exists()


def test_a_run_type_allowed_by_a_course_type_cannot_be_deleted():
    with pytest.raises(ValidationError) as exc:
        api.delete_course_run_type("audit")

    assert codes(exc) == {errors.TYPE_IN_USE}


def test_a_track_of_a_run_type_and_a_mode_of_a_track_cannot_be_deleted():
    with refused():
        track("masters", None).delete()
    with refused():
        Mode.objects.get(slug="masters").delete()

    with refused():
        CourseRunType.objects.filter(slug="masters").delete()  # allowed by course types: many-to-many guard

    assert Track.objects.filter(mode__slug="masters").exists()


def test_an_unused_type_can_be_deleted():
    api.save_course_run_type("masters-2", name="Masters again", tracks=[("masters", None)], create=True)
    api.save_course_type("masters-2", name="Masters again", course_run_types=["masters-2"], create=True)

    api.delete_course_type("masters-2")
    api.delete_course_run_type("masters-2")

    assert not CourseRunType.objects.filter(slug="masters-2").exists()


def test_deleting_a_host_course_removes_its_type_row_not_the_type():
    run = typed_run()

    run.course.delete()

    assert not CourseTypeAssignment.objects.exists()
    assert CourseType.objects.filter(slug="verified-audit").exists()


# --- a run's type change may not drop a seat type with paid products ---------------------


def test_changing_a_run_with_paid_verified_seats_to_audit_only_is_refused():
    run = typed_run(seats=["audit"], paid=["verified"])

    with pytest.raises(ValidationError) as exc:
        api.assign_course_run_type(run.key, "audit")

    assert codes(exc) == {errors.PAID_SEAT_TYPE_DROPPED}
    assert CourseRunTypeAssignment.objects.get(course_run=run).course_run_type.slug == "verified-audit"


def test_a_free_seat_type_may_be_dropped():
    run = typed_run(seats=["audit", "verified"])

    requirements = api.assign_course_run_type(run.key, "audit")

    assert requirements.seat_types == ("audit",)


def test_a_run_type_keeping_the_paid_seat_type_is_fine():
    run = typed_run("masters-verified-audit", "verified-audit", seats=["audit"], paid=["verified"])

    assert api.assign_course_run_type(run.key, "masters-verified-audit").lms_modes


def test_a_first_type_must_also_keep_the_runs_paid_seat_types():
    run = factories.course_run(paid=["verified"])
    api.assign_course_type(run.course.key, "verified-audit")

    with pytest.raises(ValidationError) as exc:
        api.assign_course_run_type(run.key, "audit")

    assert codes(exc) == {errors.PAID_SEAT_TYPE_DROPPED}


def test_editing_a_run_type_in_use_may_not_drop_a_paid_seat_type():
    typed_run("credit-verified-audit", "credit-verified-audit", seats=["audit", "verified"], paid=["credit"])

    with pytest.raises(ValidationError) as exc:
        api.save_course_run_type("credit-verified-audit", tracks=[("verified", "verified"), ("audit", "audit")])

    assert codes(exc) == {errors.PAID_SEAT_TYPE_DROPPED}
