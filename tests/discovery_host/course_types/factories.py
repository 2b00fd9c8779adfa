"""
Upstream-shaped catalog rows for the course types tests: partners, typed courses and runs, seats, entitlements.
"""
from decimal import Decimal
from itertools import count

from course_discovery.apps.core.models import Currency, Partner
from course_discovery.apps.course_metadata.models import (
    Course,
    CourseEntitlement,
    CourseRun,
    CourseRunType,
    CourseType,
    Mode,
    SeatType,
    Track,
)
from django.contrib.sites.models import Site

_numbers = count(1)


def partner(short_code="test", site=None):
    found = Partner.objects.filter(short_code=short_code).first()
    if found:
        return found
    if site is None:
        site = Site.objects.get(pk=1)
    return Partner.objects.create(name=f"Partner {short_code}", short_code=short_code, site=site)


def usd():
    return Currency.objects.get_or_create(code="USD", defaults={"name": "US Dollar"})[0]


def seat_type(slug):
    return SeatType.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def run_type(slug):
    return CourseRunType.objects.get(slug=slug)


def course_type(slug):
    return CourseType.objects.get(slug=slug)


def track(mode_slug, seat_type_slug):
    return Track.objects.filter(mode__slug=mode_slug, seat_type__slug=seat_type_slug).order_by("id").first() or (
        Track.objects.create(mode=Mode.objects.get(slug=mode_slug), seat_type=seat_type(seat_type_slug))
    )


def course(key=None, type_slug="verified-audit", entitlements=(), of_partner=None):
    """
    A course of ``type_slug`` with an entitlement of each seat type in ``entitlements``.
    """
    number = next(_numbers)
    owner = of_partner or partner()
    created = Course.objects.create(
        partner=owner, key=key or f"TestX+C{number}", title=f"Course {number}", type=course_type(type_slug)
    )
    for slug in entitlements:
        CourseEntitlement.objects.create(course=created, mode=seat_type(slug), price=Decimal("99.00"), partner=owner)
    return created


def course_run(of_course=None, type_slug="verified-audit", seats=(), paid=(), key=None):
    """
    A run of ``type_slug`` with a free seat of each type in ``seats`` and a paid (49.00) seat of each in ``paid``.
    """
    of_course = of_course or course()
    number = next(_numbers)
    run = CourseRun.objects.create(
        course=of_course,
        key=key or f"course-v1:{of_course.key}+R{number}",
        type=run_type(type_slug) if type_slug else None,
    )
    for slug in seats:
        run.seats.create(type=seat_type(slug), currency=usd(), price=Decimal("0.00"))
    for slug in paid:
        run.seats.create(type=seat_type(slug), currency=usd(), price=Decimal("49.00"), sku=f"SKU{number}{slug}")
    return run
