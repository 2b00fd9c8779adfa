"""
Registration codes: drawn with ``secrets`` from an unambiguous alphabet, unique, single use.

Redeeming claims the code with one conditional UPDATE inside a short transaction, and only
after that transaction commits does a task ask the LMS to enroll the learner (no call to
another service while a transaction is open). If the LMS refuses (enrollment closed, course
full) the code is released, so a refusal never costs the buyer a seat.
"""
import logging
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from ecommerce_plugin import history, platform
from ecommerce_plugin.finance import api as finance_api
from ecommerce_plugin.registration_codes import errors, products
from ecommerce_plugin.registration_codes.data import CODE_ALPHABET, IssuedCode, RedemptionState
from ecommerce_plugin.registration_codes.errors import RegistrationCodeError
from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode
from ecommerce_plugin.transactions import on_commit_robust

log = logging.getLogger(__name__)


def draw_code(length=None):
    """
    One code, every character from ``secrets`` (the old cart's ``random.choice`` was predictable).
    """
    length = length or settings.COMMERCE_REGISTRATION_CODE_LENGTH
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalize_code(raw):
    return "".join(str(raw or "").split()).replace("-", "").upper()


def _fresh_codes(count):
    """
    ``count`` distinct codes none of which is stored yet: one membership query per batch.
    """
    codes = set()
    while len(codes) < count:
        batch = {draw_code() for _ in range(count - len(codes))} - codes
        for start in range(0, len(batch), 5000):
            chunk = list(batch)[start : start + 5000]
            taken = set(RegistrationCode.objects.filter(code__in=chunk).values_list("code", flat=True))
            codes |= set(chunk) - taken
    return list(codes)


def create_codes(count, *, seat, unit_price, order_line=None, invoice=None, user=None):
    """
    Store ``count`` new available codes for ``seat`` (a catalog ``Seat``); returns the codes.

    Runs in a savepoint: if another process stored one of the same codes between the check and
    the insert (the unique index says so), the batch is drawn again. Each code gets its first
    history row (``bulk_create`` writes none), by ``user`` (None: the request's, or nobody).
    """
    for _attempt in range(5):
        codes = _fresh_codes(count)
        try:
            with transaction.atomic():
                created = RegistrationCode.objects.bulk_create(
                    [
                        RegistrationCode(
                            code=code,
                            course_key=seat.course_key,
                            seat_sku=seat.sku,
                            certificate_type=seat.certificate_type,
                            unit_price=unit_price,
                            order_line=order_line,
                            invoice=invoice,
                        )
                        for code in codes
                    ],
                    batch_size=2000,
                )
                history.record(_stored(created), history.ADDED, _issue_reason(order_line, invoice), user)
            return codes
        except IntegrityError:
            log.warning("A freshly drawn registration code collided; drawing the batch again.")
    raise RuntimeError("Could not draw unique registration codes.")


def _stored(created):
    """
    The rows ``bulk_create`` stored, with their ids: read back by code (unique) where the database
    returns no ids from a bulk insert (MySQL, MariaDB before 10.5 or under Django 3.2).
    """
    if all(row.pk for row in created):
        return created
    codes = [row.code for row in created]
    return [
        row
        for start in range(0, len(codes), 5000)
        for row in RegistrationCode.objects.filter(code__in=codes[start : start + 5000])
    ]


def _issue_reason(order_line, invoice):
    if invoice is not None:
        return f"issued with invoice {invoice.reference}"
    if order_line is not None:
        return f"issued for line {order_line.id} of order {order_line.order.number}"
    return "issued"


def _source_reason(action, source):
    invoice, line = source.get("invoice"), source.get("order_line")
    if invoice is not None:
        return f"{action} with invoice {invoice.reference}"
    return f"{action} with refunded line {line.id} of order {line.order.number}"


def codes_for_order(order):
    """
    The codes an order's multi-seat lines issued, for the receipt.
    """
    rows = RegistrationCode.objects.filter(order_line__order=order).select_related("redeemed_by")
    return _issued(rows.order_by("course_key", "id"))


def codes_for_invoice(invoice):
    return _issued(invoice.codes.select_related("redeemed_by").order_by("id"))


def _issued(rows):
    from ecommerce_plugin.catalog.api import course_titles  # noqa: PLC0415

    rows = list(rows)
    titles = course_titles({row.course_key for row in rows})
    return [
        IssuedCode(
            code=row.code,
            course_key=row.course_key,
            status=row.status,
            redeemed_by=row.redeemed_by.username if row.redeemed_by else None,
            redeemed_at=row.redeemed_at,
            course_title=titles.get(row.course_key) or row.course_key,
        )
        for row in rows
    ]


# Multi-seat purchases -------------------------------------------------------------------------------


def is_multi_seat_line(line):
    """
    A line whose buyer gets codes, not an enrollment: on a stock shop a seat line bought in
    quantity; on Otto a line of the plugin's own ``Registration Codes`` product (Otto's
    enrollment module would enroll the buyer for any ``Seat`` line, and revoke it at refund).
    """
    from ecommerce_plugin.catalog.api import seat_for_product  # noqa: PLC0415

    if line.product is None:
        return False
    if platform.is_otto():
        return products.is_code_product(line.product)
    return line.quantity > 1 and seat_for_product(line.product) is not None


def seat_of_code_line(line):
    from ecommerce_plugin.catalog.api import seat_for_product  # noqa: PLC0415

    return products.seat_for_code_product(line.product) if platform.is_otto() else seat_for_product(line.product)


def multi_seat_lines(basket):
    """
    ``[{"quantity", "course_key", "course_title"}]`` of the basket's lines that will issue codes
    (a seat bought in quantity), for the basket page to say so before the learner pays.
    """
    from ecommerce_plugin.catalog.api import course_titles, seat_for_product  # noqa: PLC0415

    lines = [line for line in basket.all_lines() if is_multi_seat_line(line)]
    keys = [seat_for_product(line.product).course_key for line in lines]
    titles = course_titles(keys)
    return [
        {"quantity": line.quantity, "course_key": key, "course_title": titles.get(key) or key}
        for line, key in zip(lines, keys, strict=True)
    ]


@transaction.atomic
def issue_codes_for_line(line):
    """
    The line's codes, issued once (a retried fulfillment finds them and issues nothing more).
    """
    existing = list(RegistrationCode.objects.filter(order_line=line).values_list("code", flat=True))
    if existing:
        return existing
    seat = seat_of_code_line(line)
    codes = create_codes(line.quantity, seat=seat, unit_price=line.unit_price_incl_tax, order_line=line)
    order = line.order
    on_commit_robust(lambda: _send_codes_email_later(order.id))
    return codes


def _send_codes_email_later(order_id):
    from ecommerce_plugin.registration_codes.tasks import email_order_codes  # noqa: PLC0415

    email_order_codes.delay(order_id)


def email_codes(order):
    """
    Send the buyer the order's codes, by course (event type ``COMMERCE_ORDER_CODES``).
    """
    from ecommerce_plugin import messaging  # noqa: PLC0415
    from ecommerce_plugin.catalog.api import course_title  # noqa: PLC0415

    codes = codes_for_order(order)
    if not codes or not order.user or not order.user.email:
        return 0
    by_course = {}
    for code in codes:
        by_course.setdefault(code.course_key, []).append(code.code)
    courses = [
        {"key": key, "title": course_title(key) or key, "codes": course_codes}
        for key, course_codes in by_course.items()
    ]
    context = {
        "order": order,
        "courses": courses,
        "full_name": order.user.get_full_name(),
        "redeem_url": settings.COMMERCE_REGISTRATION_CODE_REDEEM_URL,
    }
    return messaging.send(messaging.ORDER_CODES, order.user.email, context)


def revoke_codes_for_line(line, user=None):
    """
    Void the line's unused codes (a refund); True when none had been redeemed.
    """
    withdraw_codes(user, order_line=line)
    return not RegistrationCode.objects.filter(order_line=line, status=RegistrationCode.REDEEMED).exists()


@transaction.atomic(savepoint=False)  # the lock needs a transaction; a caller's own is enough
def withdraw_codes(user=None, **source):
    """
    The source (``invoice=`` or ``order_line=``) no longer allows its codes: every one not yet
    withdrawn is marked so and the available ones become void, in one UPDATE, each with a history
    row by ``user`` (None: the request's, or nobody). Redeemed codes keep their seat, but one whose
    enrollment the LMS then refuses is not released (``record_refused``).

    The codes are locked first: a redemption racing this either claimed its code before (the code
    is redeemed here, and withdrawn) or waits and then finds it withdrawn (``redeem``).
    """
    rows = list(
        RegistrationCode.objects.select_for_update().filter(withdrawn=False, **source).order_by("id")
    )
    if not rows:
        return 0
    RegistrationCode.objects.filter(id__in=[row.id for row in rows]).update(
        withdrawn=True,
        status=Case(
            When(status=RegistrationCode.AVAILABLE, then=Value(RegistrationCode.VOID)),
            default=F("status"),
        ),
    )
    for row in rows:
        row.withdrawn = True
        if row.status == RegistrationCode.AVAILABLE:
            row.status = RegistrationCode.VOID
    history.record(rows, history.CHANGED, _source_reason("withdrawn", source), user)
    return len(rows)


# Redemption -----------------------------------------------------------------------------------------


def redeem(user, raw_code):
    """
    Claim ``raw_code`` for ``user`` and schedule the enrollment; returns a ``RedemptionState``.

    Raises ``RegistrationCodeError`` (nothing changed): ``code_unusable`` for any code the
    learner may not use (unknown, used, void, withdrawn by its invoice or order line, or a
    second code for a course they redeemed one for), one answer so that no guess learns more
    than "not usable"; ``course_closed``/``course_full`` for a course the LMS last reported so.
    """
    row = RegistrationCode.objects.select_related("invoice").filter(code=normalize_code(raw_code)).first()
    if row is None or not _usable_by(row, user):
        raise _unusable()
    pending = Redemption.objects.filter(code__course_key=row.course_key, status=Redemption.PENDING).count()
    refusal = finance_api.enrollment_refusal(row.course_key, pending=pending)
    if refusal is not None:
        raise RegistrationCodeError(refusal.error_code, refusal.message, 409)
    with transaction.atomic():
        # Conditional on the code's own row: a concurrent void or refund (``withdraw_codes``)
        # either runs first and this claims nothing, or waits for this row and withdraws it.
        now = timezone.now()
        claimed = RegistrationCode.objects.filter(
            id=row.id, status=RegistrationCode.AVAILABLE, withdrawn=False
        ).update(status=RegistrationCode.REDEEMED, redeemed_by=user, redeemed_at=now)
        if not claimed:
            raise _unusable()
        # The UPDATE matched the row as it was read (available, not withdrawn; the rest of a code
        # never changes), so the claimed row is ``row`` with the claim's columns.
        row.status, row.redeemed_by, row.redeemed_at = RegistrationCode.REDEEMED, user, now
        history.record([row], history.CHANGED, "redeemed", user)
        redemption = Redemption.objects.create(code=row, user=user)
        on_commit_robust(lambda: _enroll_later(redemption.id))
    return RedemptionState(
        redemption.id, row.code, row.course_key, redemption.status, "", _course_title(row.course_key)
    )


def _usable_by(row, user):
    if row.status != RegistrationCode.AVAILABLE or row.withdrawn:
        return False
    if row.invoice is not None and row.invoice.status == row.invoice.VOID:
        return False
    return not RegistrationCode.objects.filter(course_key=row.course_key, redeemed_by=user).exists()


def _course_title(course_key):
    from ecommerce_plugin.catalog.api import course_title  # noqa: PLC0415

    return course_title(course_key) or course_key


def _unusable():
    return RegistrationCodeError(
        errors.CODE_UNUSABLE,
        _("This code cannot be used. Check it, or ask whoever gave it to you for a new one."),
        400,
    )


def _enroll_later(redemption_id):
    from ecommerce_plugin.registration_codes.tasks import enroll_redeemer  # noqa: PLC0415

    enroll_redeemer.delay(redemption_id)


def redemption_state(user, redemption_id):
    redemption = Redemption.objects.select_related("code").filter(id=redemption_id, user=user).first()
    if redemption is None:
        raise RegistrationCodeError(errors.REDEMPTION_NOT_FOUND, _("No such redemption."), 404)
    return RedemptionState(
        redemption.id,
        redemption.code.code,
        redemption.code.course_key,
        redemption.status,
        redemption.error,
        _course_title(redemption.code.course_key),
    )


def redeemed_modes(user, course_key):
    """
    The modes of the codes ``user`` redeemed for ``course_key`` and not lost (pending or enrolled).
    """
    return list(
        Redemption.objects.filter(
            user=user, code__course_key=str(course_key), status__in=(Redemption.PENDING, Redemption.ENROLLED)
        ).values_list("code__certificate_type", flat=True)
    )


def enrollment_request(redemption_id):
    """
    What the enrollment task sends to the LMS for a pending redemption, or None when done.
    """
    redemption = (
        Redemption.objects.select_related("code", "user")
        .filter(id=redemption_id, status=Redemption.PENDING)
        .first()
    )
    if redemption is None:
        return None
    return {
        "user": redemption.user.username,
        "mode": redemption.code.certificate_type,
        "course_details": {"course_id": redemption.code.course_key},
    }


@transaction.atomic
def record_enrolled(redemption_id):
    Redemption.objects.filter(id=redemption_id, status=Redemption.PENDING).update(
        status=Redemption.ENROLLED, completed=timezone.now()
    )


@transaction.atomic
def record_refused(redemption_id, reason):
    """
    The LMS refused the enrollment: the redemption fails and the code is usable again, unless
    its invoice was voided or its order line refunded meanwhile (``withdrawn``): then it is void.
    """
    redemption = Redemption.objects.select_for_update().filter(id=redemption_id, status=Redemption.PENDING).first()
    if redemption is None:
        return
    redemption.status = Redemption.REFUSED
    redemption.error = str(reason)[:500]
    redemption.completed = timezone.now()
    redemption.save(update_fields=["status", "error", "completed"])
    held = RegistrationCode.objects.filter(
        Q(id=redemption.code_id) & Q(status=RegistrationCode.REDEEMED) & Q(redeemed_by_id=redemption.user_id)
    )
    released = held.update(
        status=Case(
            When(withdrawn=True, then=Value(RegistrationCode.VOID)),
            default=Value(RegistrationCode.AVAILABLE),
        ),
        redeemed_by=None,
        redeemed_at=None,
    )
    if released:
        # The row stays locked by the UPDATE until the commit: read back as it left it.
        code = RegistrationCode.objects.get(id=redemption.code_id)
        outcome = "voided" if code.withdrawn else "released"
        history.record([code], history.CHANGED, f"{outcome}: the LMS refused the enrollment")


@transaction.atomic
def add_seats_to_basket(user, sku, quantity, request=None):
    """
    The user's open basket now holds ``quantity`` seats ``sku``: a multi-seat purchase when
    ``quantity`` is above one.
    """
    from oscar.core.loading import get_class, get_model  # noqa: PLC0415

    from ecommerce_plugin.catalog.api import seat_by_sku  # noqa: PLC0415

    if not 1 <= quantity <= settings.COMMERCE_MAX_SEATS_PER_ORDER:
        raise RegistrationCodeError(
            errors.TOO_MANY_SEATS,
            _("Buy between 1 and %(seats)s seats at a time.") % {"seats": settings.COMMERCE_MAX_SEATS_PER_ORDER},
        )
    seat = seat_by_sku(sku)
    if seat is None:
        raise RegistrationCodeError(errors.SEAT_NOT_FOUND, _("No seat has the SKU %(sku)s.") % {"sku": repr(sku)}, 404)
    refusal = finance_api.enrollment_refusal(seat.course_key)
    if refusal is not None and refusal.error_code == finance_api.COURSE_CLOSED:
        raise RegistrationCodeError(refusal.error_code, refusal.message, 409)
    if quantity == 1:
        # One seat is the buyer's own enrollment, not a code to hand out.
        from ecommerce_plugin.held_seats import api as held_seats_api  # noqa: PLC0415  (it reads this module)

        held_seats_api.refuse_if_held(user, seat)
    Product = get_model("catalogue", "Product")
    if quantity > 1 and platform.is_otto():
        # On Otto codes are their own product, so no Otto module claims (or revokes) the line.
        product = products.code_product_for_seat(seat)
    else:
        product = Product.objects.get(id=seat.product_id)
    basket = platform.open_basket(user, request)
    basket.flush()
    basket.strategy = get_class("partner.strategy", "Selector")().strategy(request=request, user=user)
    basket.add_product(product, quantity)
    return basket
