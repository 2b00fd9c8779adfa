"""
The host's seat sync (EcommerceApiDataLoader.sync_run_seats) asks the course types which seats to keep and which products to refuse.
"""
from decimal import Decimal

import pytest
from course_discovery.apps.course_metadata.data_loaders.api import EcommerceApiDataLoader
from django.conf import settings

from discovery_plugin.course_types import api

from . import factories

pytestmark = pytest.mark.django_db


def sync(run, *products):
    EcommerceApiDataLoader(run.course.partner).sync_run_seats(run, list(products))


def seat_types(run):
    return sorted(seat.type_id for seat in run.seats.all())


def test_the_plugin_step_is_configured_on_the_hosts_seat_sync_filter():
    config = settings.OPEN_EDX_FILTERS_CONFIG["org.openedx.discovery.course_run.seat_sync.requested.v1"]

    assert config["pipeline"] == ["discovery_plugin.course_types.pipeline.KeepSeatsOfTheCourseRunType"]
    assert config["fail_silently"] is False


def test_masters_run_keeps_the_verified_seat_ecommerce_did_not_report_and_gets_no_masters_seat():
    run = factories.course_run(seats=["audit"], paid=["verified"])
    api.assign_course_type(run.course.key, "masters-verified-audit")
    api.assign_course_run_type(run.key, "masters-verified-audit")

    sync(run, factories.product("audit", sku="A1"), factories.product("masters", price="0.00", sku="M1"))

    assert seat_types(run) == ["audit", "verified"]
    assert run.seats.get(type_id="verified").price == Decimal("49.00")
    assert run.seats.get(type_id="audit").sku == "A1"


def test_masters_only_run_never_gets_a_seat_from_a_masters_product():
    run = factories.course_run()
    api.assign_course_type(run.course.key, "masters")
    api.assign_course_run_type(run.key, "masters")

    sync(run, factories.product("masters", sku="M1"))

    assert seat_types(run) == []


def test_a_spoc_run_gets_no_audit_seat_even_if_ecommerce_has_an_audit_product():
    run = factories.course_run()
    api.assign_course_type(run.course.key, "spoc")
    api.assign_course_run_type(run.key, "spoc-audit")

    sync(run, factories.product("audit", sku="A1"))

    assert seat_types(run) == []


def test_seats_the_type_does_not_require_are_still_deleted_without_a_product():
    run = factories.course_run(seats=["audit", "honor"])
    api.assign_course_type(run.course.key, "masters-verified-audit")
    api.assign_course_run_type(run.key, "masters-audit")

    sync(run, factories.product("audit"))

    assert seat_types(run) == ["audit"]


def test_products_of_required_seat_types_still_create_and_update_seats():
    run = factories.course_run(seats=["audit"])
    api.assign_course_type(run.course.key, "verified-audit")
    api.assign_course_run_type(run.key, "verified-audit")

    sync(run, factories.product("audit", sku="A1"), factories.product("verified", price="49.00", sku="V1"))

    assert {seat.type_id: (seat.price, seat.sku) for seat in run.seats.all()} == {
        "audit": (Decimal("0.00"), "A1"),
        "verified": (Decimal("49.00"), "V1"),
    }


def test_a_run_without_a_type_syncs_as_upstream_does():
    run = factories.course_run(seats=["audit", "masters"])

    sync(run, factories.product("audit"))

    assert seat_types(run) == ["audit"]


def test_the_seat_sync_plan_of_the_masters_verified_audit_type():
    run = factories.course_run()
    api.assign_course_type(run.course.key, "masters-verified-audit")
    api.assign_course_run_type(run.key, "masters-verified-audit")

    plan = api.seat_sync_plan(run.pk, run.key)

    assert plan.keep_seat_types == {"verified", "audit"}
    assert plan.refuse_seat_types == {"masters"}
