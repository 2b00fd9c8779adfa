"""
The audits of the old shopping cart's documentation, as SQL aggregates over Oscar's orders,
the registration codes and the payment processor's records.

Each audit is a fixed number of GROUP BY queries whatever the number of rows; rows are only
merged per course in Python. A course is the ``course_key`` attribute of its seat products.

* Enrollments: LMS enrollments (from ``CourseFacts``) against single-seat purchases + redeemed
  codes + course staff. Buyers and redeemers who are course staff are left out of the first two,
  since the staff count has them already.
* Payments: per course, what the shop sold against what the processor charged and refunded.
  A processor transaction belongs to a basket; it is shared among the basket's order lines in
  proportion to their prices, so a basket with two courses splits its charge.
* Seats sold: single-seat purchases + codes issued (from purchases and from invoices).
"""
from collections import defaultdict
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.finance.data import EnrollmentAuditRow, PaymentAuditRow, SeatsSoldRow
from ecommerce_plugin.finance.models import CourseFacts, CourseRole

Line = get_model("order", "Line")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


def _seat_courses(course_keys=None):
    """
    ``{product_id: course_key}`` of the seat products (a few per course: one query).
    """
    values = ProductAttributeValue.objects.filter(
        attribute__code="course_key", product__parent__product_class__slug="seat", product__structure="child"
    )
    if course_keys:
        values = values.filter(value_text__in=list(course_keys))
    return dict(values.values_list("product_id", "value_text"))


def _staff(course_key_ref, user_ref):
    return Exists(
        CourseRole.objects.filter(
            role=CourseRole.STAFF, course_key=OuterRef(course_key_ref), user_id=OuterRef(user_ref)
        )
    )


def enrollment_audit(course_keys=None):
    """
    One ``EnrollmentAuditRow`` per course; ``unaccounted`` is enrollments minus purchases,
    redemptions and staff (manual enrollments when positive, unfulfilled purchases when negative).
    """
    from ecommerce_plugin.registration_codes.models import RegistrationCode  # noqa: PLC0415

    products = _seat_courses(course_keys)
    courses = sorted(set(products.values()))
    purchases = {}
    if products:
        staff_bought = _bought_by_staff(products)
        purchases = dict(
            Line.objects.filter(product_id__in=list(products), quantity=1)
            .values("product_id")
            .annotate(n=Count("id", filter=~staff_bought) if staff_bought is not None else Count("id"))
            .values_list("product_id", "n")
        )
    per_course_purchases = defaultdict(int)
    for product_id, count in purchases.items():
        per_course_purchases[products[product_id]] += count
    redeemed = dict(
        RegistrationCode.objects.filter(course_key__in=courses, status=RegistrationCode.REDEEMED)
        .annotate(by_staff=_staff("course_key", "redeemed_by_id"))
        .filter(by_staff=False)
        .values("course_key")
        .annotate(n=Count("id"))
        .values_list("course_key", "n")
    )
    facts = {row.course_key: row for row in CourseFacts.objects.filter(course_key__in=courses)}
    rows = []
    for course in courses:
        fact = facts.get(course)
        total = fact.total_enrolled if fact else 0
        staff = fact.staff_enrolled if fact else 0
        bought, used = per_course_purchases[course], redeemed.get(course, 0)
        rows.append(EnrollmentAuditRow(course, total, staff, bought, used, total - bought - used - staff))
    return rows


def _bought_by_staff(products):
    """
    ``Q`` true when a line's buyer is staff of the line's course, or None when no course has staff.

    One clause per course with staff (its seat products, its staff user ids), so the check is
    plain IN lists inside the one GROUP BY query, not a subquery per line.
    """
    by_course = defaultdict(set)
    for course, user_id in CourseRole.objects.filter(
        role=CourseRole.STAFF, course_key__in=set(products.values())
    ).values_list("course_key", "user_id"):
        by_course[course].add(user_id)
    clauses = [
        Q(product_id__in=[pid for pid, c in products.items() if c == course], order__user_id__in=sorted(users))
        for course, users in sorted(by_course.items())
    ]
    if not clauses:
        return None
    combined = clauses[0]
    for clause in clauses[1:]:
        combined |= clause
    return combined


def payment_audit(course_keys=None):
    """
    One ``PaymentAuditRow`` per course: shop total against the processor's charges and refunds.

    ``difference`` = shop total - processor charged: 0 when every sale was charged; refunds are
    reported apart (``processor_net`` = charged - refunded), as the old cart's audit asked.
    """
    products = _seat_courses(course_keys)
    if not products:
        return []
    response_model = platform.payment_processor_response_model()
    amount = Cast(KeyTextTransform("amount", "response"), MONEY)

    def processor_sum(kind):
        return Subquery(
            response_model.objects.filter(basket_id=OuterRef("order__basket_id"), response__kind=kind)
            .filter(Q(response__approved=True) if kind == "charge" else Q())
            .order_by()
            .values("basket_id")
            .annotate(total=Sum(amount))
            .values("total")[:1],
            output_field=MONEY,
        )

    share = ExpressionWrapper(
        F("line_price_incl_tax")
        / Case(
            When(order__total_incl_tax=0, then=Value(Decimal(1))),
            default=F("order__total_incl_tax"),
            output_field=MONEY,
        ),
        output_field=DecimalField(max_digits=20, decimal_places=10),
    )
    per_product = (
        Line.objects.filter(product_id__in=list(products))
        .annotate(
            charged=Coalesce(processor_sum("charge"), Value(ZERO), output_field=MONEY),
            refunded=Coalesce(processor_sum("refund"), Value(ZERO), output_field=MONEY),
        )
        .values("product_id")
        .annotate(
            shop=Sum("line_price_incl_tax"),
            charged_share=Sum(ExpressionWrapper(F("charged") * share, output_field=MONEY)),
            refunded_share=Sum(ExpressionWrapper(F("refunded") * share, output_field=MONEY)),
        )
        .values_list("product_id", "shop", "charged_share", "refunded_share")
    )
    totals = defaultdict(lambda: [ZERO, ZERO, ZERO])
    for product_id, shop, charged, refunded in per_product:
        acc = totals[products[product_id]]
        acc[0] += shop or ZERO
        acc[1] += charged or ZERO
        acc[2] += refunded or ZERO
    rows = []
    for course in sorted(set(products.values())):
        shop, charged, refunded = (value.quantize(Decimal("0.01")) for value in totals[course])
        rows.append(PaymentAuditRow(course, shop, charged, refunded, charged - refunded, shop - charged))
    return rows


def seats_sold(course_keys=None):
    """
    One ``SeatsSoldRow`` per course: single seats bought + codes issued (void codes apart).
    """
    from ecommerce_plugin.invoices.models import Invoice  # noqa: PLC0415
    from ecommerce_plugin.registration_codes.models import RegistrationCode  # noqa: PLC0415

    products = _seat_courses(course_keys)
    courses = sorted(set(products.values()))
    single = defaultdict(int)
    if products:
        for product_id, n in (
            Line.objects.filter(product_id__in=list(products), quantity=1)
            .values("product_id")
            .annotate(n=Count("id"))
            .values_list("product_id", "n")
        ):
            single[products[product_id]] += n
    codes = {
        row["course_key"]: row
        for row in RegistrationCode.objects.filter(course_key__in=courses)
        .values("course_key")
        .annotate(
            from_purchases=Count("id", filter=Q(order_line__isnull=False) & ~Q(status=RegistrationCode.VOID)),
            from_invoices=Count("id", filter=Q(invoice__isnull=False) & ~Q(status=RegistrationCode.VOID)),
            void=Count("id", filter=Q(status=RegistrationCode.VOID)),
        )
    }
    invoiced = {
        row["course_key"]: row
        for row in Invoice.objects.filter(course_key__in=courses)
        .exclude(status=Invoice.VOID)
        .values("course_key")
        .annotate(
            total=Sum(F("price_per_seat") * F("quantity"), output_field=MONEY),
            paid=Coalesce(
                Sum(F("price_per_seat") * F("quantity"), filter=Q(status=Invoice.PAID), output_field=MONEY), Value(ZERO)
            ),
        )
    }
    rows = []
    for course in courses:
        code_row = codes.get(course, {})
        purchased_codes, invoice_codes = code_row.get("from_purchases", 0), code_row.get("from_invoices", 0)
        invoice_row = invoiced.get(course, {})
        rows.append(
            SeatsSoldRow(
                course_key=course,
                single_seat_purchases=single[course],
                codes_from_purchases=purchased_codes,
                codes_from_invoices=invoice_codes,
                void_codes=code_row.get("void", 0),
                seats_sold=single[course] + purchased_codes + invoice_codes,
                invoiced_total=invoice_row.get("total") or ZERO,
                invoiced_paid=invoice_row.get("paid") or ZERO,
            )
        )
    return rows
