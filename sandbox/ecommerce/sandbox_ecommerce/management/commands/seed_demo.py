"""
Seeds the sandbox shop: demo users and the seat products of the demo courses. Safe to run again.
"""
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

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
SEAT_ATTRIBUTES = [
    ("course_key", "Course key", ProductAttribute.TEXT, True),
    ("certificate_type", "Certificate type", ProductAttribute.TEXT, False),
    ("id_verification_required", "ID verification required", ProductAttribute.BOOLEAN, False),
]


class Command(BaseCommand):
    help = "Create the sandbox shop's demo users and seat products (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        users = self._users()
        partner, _ = Partner.objects.get_or_create(code="edx", defaults={"name": "edX"})
        seat_class = self._seat_class()
        seats = 0
        for course_key, title, modes in DEMO_COURSES:
            parent, _ = Product.objects.get_or_create(
                structure=Product.PARENT,
                product_class=seat_class,
                title=title,
                defaults={"is_public": True},
            )
            parent.attr.course_key = course_key
            parent.save()
            for certificate_type, id_verification_required, price, sku in modes:
                seat = self._seat(parent, course_key, title, certificate_type, id_verification_required)
                StockRecord.objects.update_or_create(
                    partner=partner,
                    partner_sku=sku,
                    defaults={"product": seat, "price": price, "price_currency": "USD"},
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

    def _seat_class(self):
        seat_class, _ = ProductClass.objects.get_or_create(
            name="Seat", defaults={"slug": "seat", "requires_shipping": False, "track_stock": False}
        )
        for code, name, attribute_type, required in SEAT_ATTRIBUTES:
            ProductAttribute.objects.get_or_create(
                product_class=seat_class,
                code=code,
                defaults={"name": name, "type": attribute_type, "required": required},
            )
        return seat_class

    def _seat(self, parent, course_key, title, certificate_type, id_verification_required):
        seat_title = f"Seat in {title} with {certificate_type} certificate"
        seat = Product.objects.filter(parent=parent, title=seat_title).first()
        if seat is None:
            seat = Product(structure=Product.CHILD, parent=parent, title=seat_title, is_public=True)
        seat.attr.course_key = course_key
        seat.attr.certificate_type = certificate_type
        seat.attr.id_verification_required = id_verification_required
        seat.save()
        return seat
