"""
The audits of the old shopping cart's documentation, as SQL aggregates over Oscar's orders,
the registration codes and the orders' payment sources.

Each audit is a fixed number of GROUP BY queries whatever the number of rows; rows are only
merged per course in Python. Each grouping clears the ordering (``order_by()``): on Django 3.2
(Otto's) Oscar's ``Line`` ordering by ``pk`` still lands in the GROUP BY, one group per line.
A course is the ``course_key`` attribute of its seat products.

* Enrollments: the LMS's enrollments in the course's paid modes (from ``CourseFacts``) against
  single-seat purchases of paid seats + redeemed codes + course staff enrolled in paid modes.
  Buyers and redeemers who are course staff are left out of the first two, since the staff count
  has them already. Free modes need no purchase: their enrollments are shown apart. A course never
  synced has no LMS figures (None), not zeros.
* Payments: per course, what the shop sold against what was charged and refunded, from Oscar's
  ``Source`` of each order (``amount_debited``, ``amount_refunded``): the record both Otto
  (``EdxOrderPlacementMixin.record_payment``, ``Refund._issue_credit``) and the plugin's own
  checkout and refunds keep, each change with its ``PaymentEvent``. Never from Otto's
  ``PaymentProcessorResponse``: its ``response`` is the gateway's raw payload as text, shaped
  differently by each processor. An order's sources are shared among its lines in proportion
  to their prices, so an order with two courses splits its charge.
* Seats sold: single-seat purchases + codes issued (from purchases and from invoices).

Lines a shop refund took back (status Refunded) are not sales. Payments and seats sold take a
``DateRange`` (orders by the day they were placed, codes and invoices by the day they were made);
the enrollment equation holds only over the whole course (the LMS's counts are a snapshot), so
it takes none. Every row says when its figures were read.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta
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
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from ecommerce_plugin.finance.data import DateRange, EnrollmentAuditRow, PaymentAuditRow, SeatsSoldRow
from ecommerce_plugin.finance.models import CourseFacts, CourseRole
from ecommerce_plugin.fulfillment.status import LINE

Line = get_model("order", "Line")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
Source = get_model("payment", "Source")
StockRecord = get_model("partner", "StockRecord")
SEAT_ATTRIBUTES = ("course_key", "certificate_type", "id_verification_required")
# A line a shop refund took back is no sale.
NOT_SOLD = (LINE.REFUNDED,)

MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class _SeatInfo:
    course_key: str
    course_title: str
    mode: str
    priced: bool
    currency: str


def _mode(certificate_type, id_verification_required):
    """The LMS mode a seat sells, as Otto's ``mode_for_product`` (and the fulfillment module)."""
    certificate_type = (certificate_type or "audit").lower()
    if certificate_type == "professional" and not id_verification_required:
        return "no-id-professional"
    return certificate_type


def _seats(course_keys=None):
    """
    ``{product_id: _SeatInfo}`` of the seat products (a few per course: two queries).
    """
    values = ProductAttributeValue.objects.filter(
        attribute__code__in=SEAT_ATTRIBUTES, product__parent__product_class__slug="seat", product__structure="child"
    )
    if course_keys:
        values = values.filter(
            product__attribute_values__attribute__code="course_key",
            product__attribute_values__value_text__in=list(course_keys),
        )
    attributes = defaultdict(dict)
    titles = {}
    for product_id, code, text, boolean, title in values.values_list(
        "product_id", "attribute__code", "value_text", "value_boolean", "product__parent__title"
    ):
        attributes[product_id][code] = boolean if code == "id_verification_required" else text
        titles[product_id] = title
    prices = {
        product_id: (price, currency)
        for product_id, price, currency in StockRecord.objects.filter(product_id__in=list(attributes)).values_list(
            "product_id", "price", "price_currency"
        )
    }
    seats = {}
    for product_id, attrs in attributes.items():
        if not attrs.get("course_key"):
            continue
        price, currency = prices.get(product_id, (None, ""))
        seats[product_id] = _SeatInfo(
            course_key=attrs["course_key"],
            course_title=titles[product_id] or attrs["course_key"],
            mode=_mode(attrs.get("certificate_type"), attrs.get("id_verification_required")),
            priced=bool(price and price > 0),
            currency=currency or "",
        )
    return seats


def _course_info(seats):
    """
    ``{course_key: (title, currency)}``: the course's title the host's way (Otto's course name, a
    stock shop's parent product), else its seats' parent product; a priced seat's currency first.
    """
    from ecommerce_plugin.catalog import api as catalog_api  # noqa: PLC0415

    info = {}
    for seat in sorted(seats.values(), key=lambda seat: (seat.course_key, not seat.priced)):
        info.setdefault(seat.course_key, (seat.course_title, seat.currency))
    titles = catalog_api.course_titles(list(info)) if info else {}
    return {course: (titles.get(course) or title, currency) for course, (title, currency) in info.items()}


def course_titles(course_keys):
    """``{course_key: title}`` of the courses among ``course_keys`` the shop sells seats of."""
    if not course_keys:
        return {}
    return {course: title for course, (title, _currency) in _course_info(_seats(course_keys)).items()}


def _day_bounds(period):
    """The range's aware datetimes: ``[since 00:00, until+1 00:00)`` in the shop's time zone."""
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(period.since, time.min), zone) if period.since else None
    end = None
    if period.until:
        end = timezone.make_aware(datetime.combine(period.until, time.min), zone) + timedelta(days=1)
    return start, end


def _in_period(field, period):
    if not period:
        return Q()
    start, end = _day_bounds(period)
    condition = Q()
    if start is not None:
        condition &= Q(**{f"{field}__gte": start})
    if end is not None:
        condition &= Q(**{f"{field}__lt": end})
    return condition


def _sold_lines(product_ids, period=None):
    return Line.objects.filter(product_id__in=list(product_ids)).exclude(status__in=NOT_SOLD).filter(
        _in_period("order__date_placed", period or DateRange())
    )


def _staff(course_key_ref, user_ref):
    return Exists(
        CourseRole.objects.filter(
            role=CourseRole.STAFF, course_key=OuterRef(course_key_ref), user_id=OuterRef(user_ref)
        )
    )


def _paid_modes(fact, seats, course):
    """
    The course's paid modes: the LMS's answer when synced, else the modes of its priced seats.
    """
    if fact is not None and fact.modes is not None:
        return {mode["mode_slug"] for mode in fact.modes if mode["paid"]}
    return {seat.mode for seat in seats.values() if seat.course_key == course and seat.priced}


def enrollment_audit(course_keys=None):
    """
    One ``EnrollmentAuditRow`` per course: the LMS's paid-mode enrollments against single-seat
    purchases of paid seats, redeemed codes and course staff; free modes apart (see the row).
    """
    from ecommerce_plugin.registration_codes.models import RegistrationCode  # noqa: PLC0415

    computed_at = timezone.now()
    seats = _seats(course_keys)
    info = _course_info(seats)
    courses = sorted(info)
    facts = {row.course_key: row for row in CourseFacts.objects.filter(course_key__in=courses)}
    paid_modes = {course: _paid_modes(facts.get(course), seats, course) for course in courses}
    paid_seats = {pid: seat for pid, seat in seats.items() if seat.mode in paid_modes[seat.course_key]}
    # Rows are summed, not put in a dict: a GROUP BY that a host's ordering splits still adds up.
    per_course_purchases = defaultdict(int)
    if paid_seats:
        staff_bought = _bought_by_staff({pid: seat.course_key for pid, seat in paid_seats.items()})
        for product_id, count in (
            _sold_lines(paid_seats)
            .filter(quantity=1)
            .order_by()
            .values("product_id")
            .annotate(n=Count("id", filter=~staff_bought) if staff_bought is not None else Count("id"))
            .values_list("product_id", "n")
        ):
            per_course_purchases[paid_seats[product_id].course_key] += count
    redeemed = defaultdict(int)
    for course_key, count in (
        RegistrationCode.objects.filter(course_key__in=courses, status=RegistrationCode.REDEEMED)
        .annotate(by_staff=_staff("course_key", "redeemed_by_id"))
        .filter(by_staff=False)
        .order_by()
        .values("course_key")
        .annotate(n=Count("id"))
        .values_list("course_key", "n")
    ):
        redeemed[course_key] += count
    rows = []
    for course in courses:
        fact = facts.get(course)
        synced = fact is not None and fact.modes is not None
        paid = [mode for mode in fact.modes if mode["paid"]] if synced else []
        free = [mode for mode in fact.modes if not mode["paid"]] if synced else []
        bought, used = per_course_purchases[course], redeemed.get(course, 0)
        enrolled = sum(mode["students_enrolled"] + mode["staff_enrolled"] for mode in paid) if synced else None
        staff = sum(mode["staff_enrolled"] for mode in paid) if synced else None
        rows.append(
            EnrollmentAuditRow(
                course_key=course,
                course_title=info[course][0],
                synced_at=fact.synced_at if synced else None,
                computed_at=computed_at,
                paid_enrolled=enrolled,
                staff_enrolled=staff,
                single_seat_purchases=bought,
                redeemed_codes=used,
                unaccounted=enrolled - bought - used - staff if synced else None,
                free_enrolled=sum(mode["students_enrolled"] for mode in free) if synced else None,
                free_staff_enrolled=sum(mode["staff_enrolled"] for mode in free) if synced else None,
                free_modes=" ".join(sorted(mode["mode_slug"] for mode in free)),
                paid_modes=" ".join(sorted(paid_modes[course])),
            )
        )
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


def payment_audit(course_keys=None, period=None):
    """
    One ``PaymentAuditRow`` per course: shop total against the processor's charges and refunds.

    ``difference`` = shop total - processor charged: 0 when every sale was charged; refunds are
    reported apart (``processor_net`` = charged - refunded), as the old cart's audit asked.
    With a ``period``, the orders placed in it (and their payment sources).
    """
    computed_at = timezone.now()
    seats = _seats(course_keys)
    if not seats:
        return []
    info = _course_info(seats)

    def sources_sum(field):
        return Subquery(
            Source.objects.filter(order_id=OuterRef("order_id"))
            .order_by()
            .values("order_id")
            .annotate(total=Sum(field))
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
        Line.objects.filter(product_id__in=list(seats))
        .filter(_in_period("order__date_placed", period or DateRange()))
        .order_by()
        .annotate(
            charged=Coalesce(sources_sum("amount_debited"), Value(ZERO), output_field=MONEY),
            refunded=Coalesce(sources_sum("amount_refunded"), Value(ZERO), output_field=MONEY),
        )
        .order_by()
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
        acc = totals[seats[product_id].course_key]
        acc[0] += shop or ZERO
        acc[1] += charged or ZERO
        acc[2] += refunded or ZERO
    rows = []
    for course in sorted(info):
        shop, charged, refunded = (value.quantize(Decimal("0.01")) for value in totals[course])
        title, currency = info[course]
        rows.append(
            PaymentAuditRow(
                course_key=course,
                course_title=title,
                computed_at=computed_at,
                currency=currency,
                shop_total=shop,
                processor_charged=charged,
                processor_refunded=refunded,
                processor_net=charged - refunded,
                difference=shop - charged,
            )
        )
    return rows


def seats_sold(course_keys=None, period=None):
    """
    One ``SeatsSoldRow`` per course: single seats bought + codes issued (void codes apart).

    With a ``period``: orders placed, codes made and invoices issued in it.
    """
    from ecommerce_plugin.invoices.models import Invoice  # noqa: PLC0415
    from ecommerce_plugin.registration_codes.models import RegistrationCode  # noqa: PLC0415

    computed_at = timezone.now()
    period = period or DateRange()
    seats = _seats(course_keys)
    info = _course_info(seats)
    courses = sorted(info)
    single = defaultdict(int)
    if seats:
        for product_id, n in (
            _sold_lines(seats, period)
            .filter(quantity=1)
            .order_by()
            .values("product_id")
            .annotate(n=Count("id"))
            .values_list("product_id", "n")
        ):
            single[seats[product_id].course_key] += n
    codes = {
        row["course_key"]: row
        for row in RegistrationCode.objects.filter(course_key__in=courses)
        .filter(_in_period("created", period))
        .order_by()
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
        .filter(_in_period("created", period))
        .exclude(status=Invoice.VOID)
        .order_by()
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
        title, currency = info[course]
        rows.append(
            SeatsSoldRow(
                course_key=course,
                course_title=title,
                computed_at=computed_at,
                currency=currency,
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
