"""
Seeds the sandbox shop: demo users and the seat products of the demo courses. Safe to run again.
"""
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from oscar.core.loading import get_model

from ecommerce_plugin.catalog.api import create_or_update_seat

Partner = get_model("partner", "Partner")

DEMO_PASSWORD = "edx"
DEMO_USERS = [
    ("edx", "edx@example.com", True),
    ("audit", "audit@example.com", False),
    ("verified", "verified@example.com", False),
    ("honor", "honor@example.com", False),
    ("coach", "coach@example.com", False),
]
# (course key, title, [(certificate_type, id_verification_required, price, sku)])
DEMO_COURSES = [
    (
        "course-v1:edX+DemoX+Demo_Course",
        "Demonstration Course",
        [("audit", False, Decimal("0.00"), "68EFFFF"), ("verified", True, Decimal("49.00"), "8CF08E5")],
    ),
    (
        "course-v1:edX+CCX101+2026",
        "CCX Master Course",
        [("audit", False, Decimal("0.00"), "CCX101A"), ("verified", True, Decimal("99.00"), "CCX101V")],
    ),
]


class Command(BaseCommand):
    help = "Create the sandbox shop's demo users and seat products (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        users = self._users()
        partner, _ = Partner.objects.get_or_create(code="edx", defaults={"name": "edX"})
        seats = 0
        for course_key, title, modes in DEMO_COURSES:
            for certificate_type, id_verification_required, price, sku in modes:
                create_or_update_seat(
                    partner=partner,
                    course_key=course_key,
                    course_title=title,
                    certificate_type=certificate_type,
                    price=price,
                    sku=sku,
                    id_verification_required=id_verification_required,
                )
                seats += 1
        self.stdout.write(f"ecommerce demo data: {users} users, {seats} seat products in {len(DEMO_COURSES)} courses")

    def _users(self):
        User = get_user_model()
        for username, email, is_staff in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": email, "is_staff": is_staff, "is_superuser": is_staff}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
        return len(DEMO_USERS)
