"""
Host catalog rows for the course types tests: a partner, courses, runs, seats and entitlements.
"""
from decimal import Decimal
from itertools import count

from course_discovery.apps.core.models import Currency, Partner
from course_discovery.apps.course_metadata.models import Course, CourseEntitlement, CourseRun, Seat, SeatType
from django.contrib.sites.models import Site

_numbers = count(1)


def partner():
    found = Partner.objects.filter(short_code="test").first()
    return found or Partner.objects.create(name="Test partner", short_code="test", site=Site.objects.get(pk=1))


def usd():
    return Currency.objects.get_or_create(code="USD", defaults={"name": "US Dollar"})[0]


def seat_type(slug):
    return SeatType.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def course(key=None, entitlements=()):
    """
    A course with an entitlement of each seat type in ``entitlements``.
    """
    number = next(_numbers)
    created = Course.objects.create(partner=partner(), key=key or f"TestX+C{number}", title=f"Course {number}")
    for slug in entitlements:
        CourseEntitlement.objects.create(course=created, mode=seat_type(slug), price=Decimal("99.00"), partner=partner())
    return created


def course_run(of_course=None, seats=(), paid=(), key=None):
    """
    A run with a free seat of each type in ``seats`` and a paid (49.00) seat of each in ``paid``.
    """
    of_course = of_course or course()
    number = next(_numbers)
    run = CourseRun.objects.create(course=of_course, key=key or f"course-v1:{of_course.key}+R{number}")
    for slug in seats:
        Seat.objects.create(course_run=run, type=seat_type(slug), currency=usd(), price=Decimal("0.00"))
    for slug in paid:
        Seat.objects.create(course_run=run, type=seat_type(slug), currency=usd(), price=Decimal("49.00"), sku=f"SKU{number}{slug}")
    return run


def product(certificate_type, price="0.00", sku=None):
    """
    One ecommerce seat product as EcommerceApiDataLoader receives it.
    """
    return {
        "certificate_type": certificate_type,
        "price": price,
        "currency": "USD",
        "sku": sku,
        "id_verification_required": certificate_type in ("verified", "professional", "credit"),
        "credit_provider": None,
    }
