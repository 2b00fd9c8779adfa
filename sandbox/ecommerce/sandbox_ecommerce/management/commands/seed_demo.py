"""
Seeds the sandbox shop: demo users and the seat products of the demo courses. Safe to run again.
"""
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from oscar.core.loading import get_model

from ecommerce_plugin.catalog.api import create_or_update_seat
from ecommerce_plugin.ccx_purchases.api import create_or_update_ccx_course

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

# The CCX course product of the LMS seed's CCX master course: its six chapters, priced per seat.
CCX_MASTER_COURSE = "course-v1:edX+CCX101+2026"
CCX_MODULES = [
    (f"block-v1:edX+CCX101+2026+type@chapter+block@module_{n}", title, Decimal(price))
    for n, (title, price) in enumerate(
        [
            ("Module 1: Foundations", "5.00"),
            ("Module 2: Catalog and Pricing", "5.00"),
            ("Module 3: Baskets and Checkout", "7.50"),
            ("Module 4: Vouchers and Offers", "7.50"),
            ("Module 5: Enrollment and Fulfillment", "10.00"),
            ("Module 6: Refunds and Reporting", "10.00"),
        ],
        start=1,
    )
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
        create_or_update_ccx_course(
            partner=partner, master_course_key=CCX_MASTER_COURSE, title="Commerce for Custom Courses 101",
            modules=CCX_MODULES,
        )
        self.stdout.write(
            f"ecommerce demo data: {users} users, {seats} seat products in {len(DEMO_COURSES)} courses, "
            f"1 CCX course product ({len(CCX_MODULES)} modules)"
        )

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
