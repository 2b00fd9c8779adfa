"""
Registration codes and finance audits at scale: the time to draw and store 10,000 codes, and
each audit's runtime and query count over 1,000,000 order lines.

    DATABASE_URL=mysql://root@127.0.0.1:3306/bench8 .venv/bin/python bench/codes_and_audits.py

Runs in the sandbox ecommerce service against a throw-away test database (created, migrated,
filled with bulk inserts, dropped). Without ``DATABASE_URL`` it runs on SQLite (slow at this
size). ``BENCH8_LINES`` changes the number of order lines (default 1,000,000; 4 lines/order).
"""
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "sandbox" / "ecommerce"), str(ROOT / "sandbox"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecommerce.settings.test")
os.environ.setdefault("SANDBOX_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from ecommerce_plugin.catalog.api import create_or_update_seat  # noqa: E402
from ecommerce_plugin.finance import api as finance_api  # noqa: E402
from ecommerce_plugin.finance.models import CourseFacts, CourseRole  # noqa: E402
from ecommerce_plugin.registration_codes import api as codes_api  # noqa: E402
from ecommerce_plugin.registration_codes.models import RegistrationCode  # noqa: E402

Basket = get_model("basket", "Basket")
Line = get_model("order", "Line")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")

LINES = int(os.environ.get("BENCH8_LINES", "1000000"))
LINES_PER_ORDER = 4
COURSES = 20
USERS = 2000
BATCH = 5000
PRICE = Decimal("100.00")


def timed(label, function):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - started
    print(f"{label:<34} {elapsed:8.2f} s   {len(queries):3d} queries")
    return result, elapsed, len(queries)


def fill():
    partner = Partner.objects.create(code="bench", name="Bench")
    seats = [
        create_or_update_seat(
            partner=partner, course_key=f"course-v1:Bench+C{c:02d}+2026", course_title=f"Course {c}",
            certificate_type="verified", price=PRICE, sku=f"BENCH-{c:02d}",
        )
        for c in range(COURSES)
    ]
    User = get_user_model()
    User.objects.bulk_create([User(username=f"u{i}", email=f"u{i}@example.com") for i in range(USERS)], BATCH)
    user_ids = list(User.objects.order_by("id").values_list("id", flat=True))
    CourseRole.objects.bulk_create(
        [CourseRole(user_id=user_ids[i], course_key=seat.course_key, role="staff")
         for i, seat in enumerate(seats) for i in (i, i + COURSES)]
    )
    CourseFacts.objects.bulk_create(
        [CourseFacts(course_key=seat.course_key, total_enrolled=50000, staff_enrolled=2, students_enrolled=49998,
                     modes=[{"mode_slug": "verified", "paid": True, "students_enrolled": 49998, "staff_enrolled": 2}],
                     synced_at=timezone.now()) for seat in seats]
    )
    source_type = SourceType.objects.create(name="dev")
    orders = LINES // LINES_PER_ORDER
    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, orders, BATCH):
        numbers = range(start, min(orders, start + BATCH))
        with transaction.atomic():
            baskets = Basket.objects.bulk_create(
                [Basket(owner_id=user_ids[n % USERS], status=Basket.SUBMITTED) for n in numbers]
            )
            total = PRICE * LINES_PER_ORDER
            placed = Order.objects.bulk_create([
                Order(number=f"B{n:08d}", basket_id=basket.id, user_id=basket.owner_id, currency="USD",
                      total_incl_tax=total, total_excl_tax=total, shipping_incl_tax=0, shipping_excl_tax=0,
                      status="Complete", date_placed=now)
                for n, basket in zip(numbers, baskets, strict=True)
            ])
            lines = []
            for n, order in zip(numbers, placed, strict=True):
                for k in range(LINES_PER_ORDER):
                    seat = seats[(n + k * 5) % COURSES]
                    quantity = 1 if (n + k) % 10 else 3
                    lines.append(Line(
                        order_id=order.id, partner_id=partner.id, partner_name="Bench", partner_sku=seat.sku,
                        product_id=seat.product_id, title="Seat", quantity=quantity,
                        line_price_incl_tax=PRICE * quantity, line_price_excl_tax=PRICE * quantity,
                        line_price_before_discounts_incl_tax=PRICE * quantity,
                        line_price_before_discounts_excl_tax=PRICE * quantity,
                        unit_price_incl_tax=PRICE, unit_price_excl_tax=PRICE, status="Complete", num_allocated=0,
                    ))
            Line.objects.bulk_create(lines, BATCH)
            # What was charged and refunded, as the checkout and refunds record it: the order's source.
            Source.objects.bulk_create([
                Source(order_id=order.id, source_type=source_type, currency="USD", reference=f"c{n}",
                       amount_allocated=total, amount_debited=total,
                       amount_refunded=PRICE if n % 50 == 0 else 0)
                for n, order in zip(numbers, placed, strict=True)
            ], BATCH)
    print(f"inserted {Line.objects.count():,} order lines in {orders:,} orders "
          f"({time.perf_counter() - started:.0f} s)")
    return seats, user_ids


def main():
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        seats, user_ids = fill()
        _, elapsed, queries = timed(
            "generate 10,000 codes",
            lambda: codes_api.create_codes(10000, seat=seats[0], unit_price=PRICE),
        )
        print(f"  ({10000 / elapsed:,.0f} codes/s, {RegistrationCode.objects.count():,} codes stored)")
        ids = list(RegistrationCode.objects.order_by("id").values_list("id", flat=True)[:3000])
        for start in range(0, len(ids), 1000):  # 3,000 redeemed, by the staff of one course
            RegistrationCode.objects.filter(id__in=ids[start:start + 1000]).update(
                status="redeemed", redeemed_by_id=user_ids[5]
            )
        for label, audit in (
            ("audit: enrollments", finance_api.enrollment_audit),
            ("audit: payments (reconciliation)", finance_api.payment_audit),
            ("audit: seats sold", finance_api.seats_sold),
        ):
            rows, _, _ = timed(label, audit)
            print(f"  {len(rows)} courses; first: {rows[0]}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
