"""
Finance: course roles, the LMS's facts about a course, seat prices, and the audits.
"""
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from ecommerce_plugin import history, platform
from ecommerce_plugin.finance import errors
from ecommerce_plugin.finance.audits import (  # noqa: F401  (public API)
    course_titles,
    enrollment_audit,
    payment_audit,
    seats_sold,
)
from ecommerce_plugin.finance.data import EnrollmentRefusal
from ecommerce_plugin.finance.errors import FinanceError
from ecommerce_plugin.finance.models import CourseFacts, CourseRole
from ecommerce_plugin.transactions import on_commit_robust

log = logging.getLogger(__name__)

ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
StockRecord = get_model("partner", "StockRecord")

COURSE_CLOSED = "course_closed"
COURSE_FULL = "course_full"


# Roles -----------------------------------------------------------------------------------------


def is_finance_admin(user, course_key):
    """
    Whether ``user`` may issue invoices, change prices and read financial reports of the course.
    """
    return bool(
        user.is_authenticated
        and CourseRole.objects.filter(user=user, course_key=str(course_key), role=CourseRole.FINANCE_ADMIN).exists()
    )


def may_manage_coupons(user, course_key):
    """
    Course staff (synced from the LMS or granted in admin) and finance admins manage coupons.
    """
    return bool(
        user.is_authenticated
        and CourseRole.objects.filter(
            user=user, course_key=str(course_key), role__in=(CourseRole.STAFF, CourseRole.FINANCE_ADMIN)
        ).exists()
    )


def finance_admin_courses(user):
    if not user.is_authenticated:
        return []
    return sorted(
        set(CourseRole.objects.filter(user=user, role=CourseRole.FINANCE_ADMIN).values_list("course_key", flat=True))
    )


def commerce_roles(user):
    """
    ``{course_key: {role, ...}}`` of every course ``user`` has a commerce role in.
    """
    roles = {}
    if user.is_authenticated:
        for course_key, role in CourseRole.objects.filter(user=user).values_list("course_key", "role"):
            roles.setdefault(course_key, set()).add(role)
    return dict(sorted(roles.items()))


def require_finance_admin(user, course_key):
    if not is_finance_admin(user, course_key):
        raise FinanceError(
            errors.NOT_FINANCE_ADMIN,
            _("Only a finance admin of %(course_key)s may do this.") % {"course_key": course_key},
            403,
        )


def require_coupon_manager(user, course_key):
    if not may_manage_coupons(user, course_key):
        raise FinanceError(
            errors.NOT_COURSE_STAFF,
            _("Only staff of %(course_key)s may manage its coupons.") % {"course_key": course_key},
            403,
        )


# What the shop knows about a course run ------------------------------------------------------------


def seat_course_keys():
    """
    Every course the shop sells seats of.
    """
    return sorted(
        set(
            ProductAttributeValue.objects.filter(
                attribute__code="course_key", product__parent__product_class__slug="seat", product__structure="child"
            ).values_list("value_text", flat=True)
        )
    )


def sells_course(course_key):
    """
    Whether the shop sells seats of ``course_key`` (one query).
    """
    return ProductAttributeValue.objects.filter(
        attribute__code="course_key", value_text=str(course_key), product__parent__product_class__slug="seat",
        product__structure="child",
    ).exists()


def fetch_course_facts(course_key):
    """
    The LMS's answer about the course run (a dict), or None when the LMS does not know it.

    Raises ``requests.RequestException`` when the LMS cannot be reached or refuses.
    """
    response = platform.lms_api_client().get(
        platform.lms_url(f"/api/commerce/paid-enrollments/v1/courses/{course_key}/")
    )
    if response.status_code == 404:
        return None
    response.raise_for_status()
    return response.json()


def sync_course_facts(course_key):
    """
    Ask the LMS about the course run, then store the answer and its staff roles.

    The HTTP call happens outside any transaction; the write is one short transaction.
    Returns the stored ``CourseFacts``, or None when the LMS does not know the course.
    """
    body = fetch_course_facts(course_key)
    return None if body is None else store_course_facts(body)


@transaction.atomic
def store_course_facts(body):
    facts, _ = CourseFacts.objects.update_or_create(
        course_key=body["course_key"],
        defaults={
            "enrollment_start": body.get("enrollment_start"),
            "enrollment_end": body.get("enrollment_end"),
            "max_student_enrollments_allowed": body.get("max_student_enrollments_allowed"),
            "total_enrolled": body["total_enrolled"],
            "staff_enrolled": body["staff_enrolled"],
            "students_enrolled": body["students_enrolled"],
            "course_title": (body.get("course_title") or "")[:255],
            "modes": None if "modes" not in body else [
                {
                    "mode_slug": str(mode["mode_slug"]),
                    "paid": bool(mode["paid"]),
                    "students_enrolled": int(mode["students_enrolled"]),
                    "staff_enrolled": int(mode["staff_enrolled"]),
                }
                for mode in body.get("modes", [])
            ],
            "synced_at": timezone.now(),
        },
    )
    _copy_lms_roles(facts.course_key, body)
    return facts


def _copy_lms_roles(course_key, body):
    """
    The course's ``lms`` roles become the LMS's: those it no longer lists are deleted, new ones
    created, the others kept; each change leaves a history row (by the request's user, when an
    admin's request ran the sync; by nobody in a task).
    """
    User = get_user_model()
    wanted = {(name, CourseRole.STAFF) for name in body.get("staff_usernames", [])}
    wanted |= {(name, CourseRole.FINANCE_ADMIN) for name in body.get("finance_admin_usernames", [])}
    users = dict(User.objects.filter(username__in={name for name, _ in wanted}).values_list("username", "id"))
    wanted_ids = {(users[name], role) for name, role in wanted if name in users}
    held = list(CourseRole.objects.select_for_update().filter(course_key=course_key, source=CourseRole.SOURCE_LMS))
    gone = [row for row in held if (row.user_id, row.role) not in wanted_ids]
    for row in gone:  # one by one: simple-history's delete receiver writes the row, with this reason
        row._change_reason = "no longer an LMS role: removed by the course facts sync"
        row.delete()
    kept = {(row.user_id, row.role) for row in held} - {(row.user_id, row.role) for row in gone}
    new = [
        CourseRole(user_id=user_id, course_key=course_key, role=role, source=CourseRole.SOURCE_LMS)
        for user_id, role in sorted(wanted_ids - kept)
    ]
    if new:
        created = CourseRole.objects.bulk_create(new)
        if not all(row.pk for row in created):  # no ids from a bulk insert (MySQL)
            created = CourseRole.objects.filter(course_key=course_key, source=CourseRole.SOURCE_LMS).exclude(
                id__in=[row.id for row in held]
            )
        history.record(created, history.ADDED, "copied from the LMS by the course facts sync")


def enrollment_refusal(course_key, pending=0):
    """
    Why the course takes no enrollment now, from the last synced facts, or None.

    ``pending`` counts enrollments already promised (codes claimed, not yet enrolled), so a
    nearly full course is not promised more seats than it has. Without facts the shop does not
    refuse: the LMS checks the window and the capacity again when it enrolls.
    """
    facts = CourseFacts.objects.filter(course_key=str(course_key)).first()
    if facts is None:
        return None
    now = timezone.now()
    if (facts.enrollment_start and now < facts.enrollment_start) or (
        facts.enrollment_end and now > facts.enrollment_end
    ):
        return EnrollmentRefusal(COURSE_CLOSED, f"Enrollment in {course_key} is closed.")
    limit = facts.max_student_enrollments_allowed
    if limit is not None and facts.students_enrolled + pending >= limit:
        return EnrollmentRefusal(COURSE_FULL, f"{course_key} is full.")
    return None


# Prices --------------------------------------------------------------------------------------------


@transaction.atomic
def change_seat_price(user, sku, price):
    """
    Set the price of the seat ``sku``; finance admins of its course only.
    """
    stockrecord = StockRecord.objects.select_for_update().select_related("product").filter(partner_sku=sku).first()
    if stockrecord is None:
        raise FinanceError(errors.SEAT_NOT_FOUND, _("No seat has the SKU %(sku)s.") % {"sku": repr(sku)}, 404)
    course_key = str(stockrecord.product.attr.course_key)
    require_finance_admin(user, course_key)
    old = stockrecord.price
    platform.change_seat_price(stockrecord, price)
    log.info("Price of %s (%s) changed from %s to %s by %s.", sku, course_key, old, price, user.username)
    # The LMS's mode carries the price too (its track selection shows it), sent as Otto sends it,
    # after the commit and outside the request: a slow LMS never holds the lock or the page.
    on_commit_robust(lambda: _publish_later(course_key))
    return course_key, old, price


def _publish_later(course_key):
    from ecommerce_plugin.catalog.tasks import publish_course_modes  # noqa: PLC0415

    publish_course_modes.delay(course_key)
