"""
Seeds the sandbox catalog: the admin user, the edX partner and the demo courses with their seats. Safe to run again.

Each demo course and run gets its type on upstream's ``Course.type`` / ``CourseRun.type``
(the masters types are the ones the discovery plugin seeds; without the plugin they stay
untyped).
"""
from decimal import Decimal

from course_discovery.apps.core.models import Currency, Partner
from course_discovery.apps.course_metadata.choices import CourseRunPacing, CourseRunStatus
from course_discovery.apps.course_metadata.models import (
    Course,
    CourseEntitlement,
    CourseRun,
    CourseRunType,
    CourseType,
    Organization,
    Seat,
    SeatType,
)
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand
from django.db import transaction

import sandbox_services

SEAT_TYPES = [
    ("Audit", Seat.AUDIT),
    ("Verified", Seat.VERIFIED),
    ("Professional", Seat.PROFESSIONAL),
    ("Credit", Seat.CREDIT),
    ("Masters", Seat.MASTERS),
    ("Honor", Seat.HONOR),
]
# (course key, title, run key, [(seat type, price, sku)], [(entitlement mode, price)])
DEMO_COURSES = [
    (
        "edX+DemoX",
        "Demonstration Course",
        "course-v1:edX+DemoX+Demo_Course",
        [(Seat.AUDIT, Decimal("0.00"), "68EFFFF"), (Seat.VERIFIED, Decimal("49.00"), "8CF08E5")],
        [(Seat.VERIFIED, Decimal("49.00"))],
    ),
    (
        "edX+CCX101",
        "CCX Master Course",
        "course-v1:edX+CCX101+2026",
        [(Seat.AUDIT, Decimal("0.00"), "CCX101A"), (Seat.VERIFIED, Decimal("99.00"), "CCX101V")],
        [],
    ),
    (
        # A masters track has no ecommerce product, so only the audit seat exists.
        "edX+MastersX",
        "Master's Degree Course",
        "course-v1:edX+MastersX+2026",
        [(Seat.AUDIT, Decimal("0.00"), None)],
        [],
    ),
]
# course key -> (course type, run type) slugs. The masters course's
# run has the masters and audit modes but sells only audit (masters has no ecommerce product);
# its course type also allows verified runs, so it needs a verified entitlement.
DEMO_COURSE_TYPES = {
    "edX+DemoX": ("verified-audit", "verified-audit"),
    "edX+CCX101": ("verified-audit", "verified-audit"),
    "edX+MastersX": ("masters-verified-audit", "masters-audit"),
}


class Command(BaseCommand):
    help = "Create the sandbox catalog's admin user, partner, seat types and demo courses (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        self._superuser()
        partner = self._partner()
        currency, _ = Currency.objects.get_or_create(code="USD", defaults={"name": "US Dollar"})
        seat_types = {
            slug: SeatType.objects.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in SEAT_TYPES
        }
        organization, _ = Organization.objects.get_or_create(partner=partner, key="edX", defaults={"name": "edX"})
        seats = 0
        for course_key, title, run_key, run_seats, entitlements in DEMO_COURSES:
            course, _ = Course.everything.get_or_create(
                partner=partner, key=course_key, draft=False, defaults={"title": title}
            )
            course.authoring_organizations.add(organization)
            run, _ = CourseRun.everything.get_or_create(
                key=run_key,
                draft=False,
                defaults={
                    "course": course,
                    "status": CourseRunStatus.Published,
                    "pacing_type": CourseRunPacing.Self,
                },
            )
            for slug, price, sku in run_seats:
                Seat.everything.update_or_create(
                    course_run=run,
                    type=seat_types[slug],
                    currency=currency,
                    credit_provider=None,
                    draft=False,
                    defaults={"price": price, "sku": sku},
                )
                seats += 1
            for slug, price in entitlements:
                CourseEntitlement.everything.update_or_create(
                    course=course,
                    draft=False,
                    defaults={"mode": seat_types[slug], "price": price, "currency": currency, "partner": partner},
                )
        typed = self._course_types()
        self.stdout.write(
            f"discovery demo data: partner {partner.short_code}, {len(seat_types)} seat types, "
            f"{len(DEMO_COURSES)} courses, {seats} seats, {CourseEntitlement.everything.count()} entitlements"
            + (f", {typed} courses typed" if typed else "")
        )

    def _course_types(self):
        typed = 0
        for course_key, _title, run_key, *_ in DEMO_COURSES:
            course_type_slug, run_type_slug = DEMO_COURSE_TYPES[course_key]
            course_type = CourseType.objects.filter(slug=course_type_slug).first()
            run_type = CourseRunType.objects.filter(slug=run_type_slug).first()
            if course_type is None or run_type is None:
                continue
            course = Course.everything.get(key=course_key, draft=False, partner__short_code="edx")
            course.type = course_type
            course.save()
            run = CourseRun.everything.get(key=run_key, draft=False)
            run.type = run_type
            run.save()
            typed += 1
        return typed

    def _superuser(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username="edx", defaults={"email": "edx@example.com", "is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password("edx")
            user.save()

    def _partner(self):
        site = Site.objects.get(pk=1)
        if site.domain == "example.com":
            site.domain = f"localhost:{sandbox_services.DISCOVERY_PORT}"
            site.name = "Sandbox discovery"
            site.save()
        ecommerce_root = f"http://localhost:{sandbox_services.ECOMMERCE_PORT}"
        partner, _ = Partner.objects.get_or_create(
            short_code="edx",
            defaults={
                "name": "edX",
                "site": site,
                "lms_url": sandbox_services.LMS_URL_ROOT,
                "courses_api_url": f"{sandbox_services.LMS_URL_ROOT}/api/courses/v1/",
                "lms_coursemode_api_url": f"{sandbox_services.LMS_URL_ROOT}/api/course_modes/v1/",
                "ecommerce_api_url": f"{ecommerce_root}/api/v2/",
                "organizations_api_url": f"{sandbox_services.LMS_URL_ROOT}/api/organizations/v0/",
                "studio_url": "http://localhost:18010",
            },
        )
        return partner
