"""
The sandbox discovery host loads our plugin the way a discovery deployment would, and its stand-ins behave as upstream.
"""
from decimal import Decimal
from io import StringIO
from types import SimpleNamespace

import pytest
from course_discovery.apps.core.models import Currency, Partner, User
from course_discovery.apps.course_metadata.data_loaders.api import EcommerceApiDataLoader
from course_discovery.apps.course_metadata.models import (
    Course,
    CourseEntitlement,
    CourseRun,
    CourseRunType,
    Organization,
    Seat,
    SeatType,
)
from course_discovery.sandbox_plugins import PROJECT_TYPE, SettingsType
from django.apps import apps
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management import call_command
from edx_django_utils.plugins import get_plugin_apps, get_plugin_url_patterns

from discovery_plugin.settings import production as plugin_production_settings

SEEDED_MODELS = [User, Partner, Currency, SeatType, Organization, Course, CourseRun, Seat, CourseEntitlement]


def _course_run_with_seats(*seat_types, run_type="empty"):
    """
    A published run of a fresh course, of ``run_type``, with a USD seat of each of ``seat_types``.
    """
    partner = Partner.objects.create(name="Test partner", short_code="test", site=Site.objects.get(pk=1))
    usd, _ = Currency.objects.get_or_create(code="USD", defaults={"name": "US Dollar"})
    course = Course.objects.create(partner=partner, key="TestX+Seats101", title="Seats 101")
    run = CourseRun.objects.create(
        course=course, key="course-v1:TestX+Seats101+2026", type=CourseRunType.objects.get(slug=run_type)
    )
    for slug in seat_types:
        seat_type, _ = SeatType.objects.get_or_create(slug=slug, defaults={"name": slug.title()})
        Seat.objects.create(course_run=run, type=seat_type, currency=usd, price=Decimal("10.00"))
    return run


def _body(run, *products):
    """
    One course of the ecommerce ``/api/v2/courses/`` listing, as upstream's ``update_seats`` reads it.
    """
    return {"id": run.key, "products": [{"structure": "parent", "attribute_values": [], "stockrecords": []},
                                        *products]}


def _product(certificate_type, price="0.00", sku="SKU"):
    attribute_values = [{"name": "certificate_type", "value": certificate_type}] if certificate_type else []
    return {
        "structure": "child",
        "expires": None,
        "attribute_values": attribute_values,
        "stockrecords": [{"price_currency": "USD", "price_excl_tax": price, "partner_sku": sku}],
    }


def test_plugin_app_comes_from_the_discovery_entry_point_group():
    plugin_apps = get_plugin_apps(PROJECT_TYPE)

    assert any(app.split(".")[0] == "discovery_plugin" for app in plugin_apps)
    assert apps.is_installed("discovery_plugin")


def test_plugin_common_settings_are_added_to_the_host_settings():
    assert settings.COMMERCE_DISCOVERY_API_PAGE_SIZE == 100


def test_plugin_production_settings_honour_env_tokens():
    host_settings = SimpleNamespace(
        ENV_TOKENS={"COMMERCE_DISCOVERY_API_PAGE_SIZE": 25}, COMMERCE_DISCOVERY_API_PAGE_SIZE=100
    )

    plugin_production_settings.plugin_settings(host_settings)

    assert host_settings.COMMERCE_DISCOVERY_API_PAGE_SIZE == 25


def test_plugin_production_settings_keep_the_default_without_a_token():
    host_settings = SimpleNamespace(ENV_TOKENS={}, COMMERCE_DISCOVERY_API_PAGE_SIZE=100)

    plugin_production_settings.plugin_settings(host_settings)

    assert host_settings.COMMERCE_DISCOVERY_API_PAGE_SIZE == 100


def test_settings_types_are_the_ones_the_plugin_declares():
    plugin_config = apps.get_app_config("commerce_discovery")
    declared = plugin_config.plugin_app["settings_config"][PROJECT_TYPE]

    assert set(declared) == {SettingsType.COMMON, SettingsType.PRODUCTION, SettingsType.TEST}


def test_plugin_urls_are_mounted_through_get_plugin_url_patterns():
    url_modules = [
        getattr(pattern.urlconf_name, "__name__", pattern.urlconf_name)
        for pattern in get_plugin_url_patterns(PROJECT_TYPE)
    ]

    assert "discovery_plugin.urls" in url_modules


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    call_command("seed_demo", stdout=StringIO())
    counts = {model.__name__: model._default_manager.count() for model in SEEDED_MODELS}

    out = StringIO()
    call_command("seed_demo", stdout=out)

    assert {model.__name__: model._default_manager.count() for model in SEEDED_MODELS} == counts
    assert counts["Course"] == 3
    assert counts["Seat"] == 5
    assert counts["CourseEntitlement"] == 1
    assert len(out.getvalue().strip().splitlines()) == 1


@pytest.mark.django_db
def test_seed_demo_masters_course_has_only_an_audit_seat():
    call_command("seed_demo", stdout=StringIO())

    run = CourseRun.objects.get(key="course-v1:edX+MastersX+2026")

    assert [seat.type_id for seat in run.seats.all()] == [Seat.AUDIT]


@pytest.mark.django_db
def test_update_seats_deletes_a_seat_with_no_ecommerce_product():
    # Upstream's EcommerceApiDataLoader.update_seats: a seat whose type has no product in the
    # ecommerce body is deleted at the next refresh.
    run = _course_run_with_seats(Seat.AUDIT, Seat.VERIFIED)

    EcommerceApiDataLoader(run.course.partner).update_seats(_body(run, _product(None, sku="AUDIT1")))

    assert [seat.type_id for seat in run.seats.all()] == [Seat.AUDIT]


@pytest.mark.django_db
def test_update_seats_creates_and_updates_seats_from_products():
    run = _course_run_with_seats(Seat.AUDIT, run_type="verified-audit")

    EcommerceApiDataLoader(run.course.partner).update_seats(
        _body(run, _product(Seat.AUDIT, sku="AUDIT1"), _product(Seat.VERIFIED, price="49.00", sku="VERIF1"))
    )

    seats = {seat.type_id: (seat.price, seat.sku) for seat in run.seats.all()}
    assert seats == {Seat.AUDIT: (Decimal("0.00"), "AUDIT1"), Seat.VERIFIED: (Decimal("49.00"), "VERIF1")}


@pytest.mark.django_db
def test_update_seat_refuses_a_seat_type_the_run_type_has_no_track_for():
    run = _course_run_with_seats(run_type="audit")
    loader = EcommerceApiDataLoader(run.course.partner)

    loader.update_seat(run, _product(Seat.VERIFIED, price="49.00", sku="VERIF1"))

    assert not run.seats.exists()
    assert loader.processing_failure_occurred


@pytest.mark.django_db
def test_every_plugin_setting_has_a_default_when_the_host_never_ran_add_plugins(settings, client):
    # A host that lists the apps in YAML EXTRA_APPS alone never gets the names from settings/common.py.
    from discovery_plugin.conf import setting
    from discovery_plugin.settings.common import DEFAULTS

    for name in DEFAULTS:
        delattr(settings, name)

    assert {name: setting(name) for name in DEFAULTS} == DEFAULTS
    Partner.objects.create(name="Test partner", short_code="test", site=Site.objects.get(pk=1))
    client.force_login(User.objects.create_user("reader", "reader@example.com", "edx"))
    response = client.get("/api/course_types/v1/course_runs/")
    assert response.status_code == 200
    assert response.json()["count"] == 0
