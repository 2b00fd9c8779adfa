"""
Paid enrollments in the LMS: which enrollments need a purchase, and the facts ecommerce
needs about a course run (enrollment window, capacity, who is staff).
"""
from django.db.models import Count, Q
from django.utils import timezone

from lms_plugin import platform
from lms_plugin.paid_enrollments.data import CourseEnrollmentFacts, ModeEnrollments

STAFF_ROLES = ("staff", "instructor")
FINANCE_ADMIN_ROLE = "finance_admin"


def mode_price(course_key, mode_slug):
    """
    The price of ``mode_slug`` in the course (0 when the mode is free or unknown).
    """
    found = (
        platform.course_mode_model()
        .objects.filter(course_id=course_key, mode_slug=mode_slug)
        .values_list("min_price", flat=True)
        .first()
    )
    return found or 0


def may_enroll_without_purchase(requester, course_key):
    """
    Whether whoever asks for an enrollment may skip the purchase.

    Server code with no request (celery tasks, management commands), a request with the
    platform's ``EDX_API_KEY`` (Otto's seat fulfillment), global staff (which
    includes the ecommerce service user fulfilling a purchase or a registration code, see
    ``lms_plugin.trusted_services``) and the course's own staff may; a learner enrolling
    themselves may not, whatever their username.
    """
    if platform.request_has_edx_api_key():
        # A service with the platform's API key (Otto's enrollment fulfillment module), as upstream trusts it.
        return True
    if requester is None or not requester.is_authenticated:
        return requester is None
    if requester.is_staff:
        return True
    return platform.is_course_staff(requester, course_key)


def requires_purchase(requester, course_key, mode_slug):
    """
    Whether enrolling in ``mode_slug`` of the course needs a purchase the requester has not made.
    """
    slug = mode_slug or platform.default_enrollment_mode(course_key)
    if mode_price(course_key, slug) <= 0:
        return False
    return not may_enroll_without_purchase(requester, course_key)


def course_enrollment_facts(course_key):
    """
    ``CourseEnrollmentFacts`` of a course run, or None when the LMS does not know it.

    Counts are one aggregate query grouped by mode (each mode also says whether it is paid, from
    its ``min_price``: one more query); staff are the platform's staff and instructor roles, read
    through its role API (``platform.course_role_users``), wherever the platform keeps them.
    """
    overview = platform.course_overview_or_none(course_key)
    if overview is None:
        return None
    staff_roles = [platform.course_role_users(course_key, role) for role in STAFF_ROLES]
    is_staff = Q()
    for users in staff_roles:
        is_staff |= Q(user_id__in=users.values("id"))
    per_mode = list(
        platform.course_enrollment_model()
        .objects.filter(course_id=course_key, is_active=True)
        .values("mode")
        .annotate(total=Count("id"), staff=Count("id", filter=is_staff))
        .order_by("mode")
    )
    prices = dict(
        platform.course_mode_model().objects.filter(course_id=course_key).values_list("mode_slug", "min_price")
    )
    modes = tuple(
        ModeEnrollments(
            mode_slug=row["mode"],
            paid=(prices.get(row["mode"]) or 0) > 0,
            students_enrolled=row["total"] - row["staff"],
            staff_enrolled=row["staff"],
        )
        for row in per_mode
    )
    counts = {"total": sum(row["total"] for row in per_mode), "staff": sum(row["staff"] for row in per_mode)}
    staff_usernames = {name for users in staff_roles for name in users.values_list("username", flat=True)}
    finance_admins = platform.course_role_users(course_key, FINANCE_ADMIN_ROLE)
    finance_usernames = set(finance_admins.values_list("username", flat=True))
    students = counts["total"] - counts["staff"]
    now = timezone.now()
    is_open = not (
        (overview.enrollment_start and now < overview.enrollment_start)
        or (overview.enrollment_end and now > overview.enrollment_end)
    )
    limit = overview.max_student_enrollments_allowed
    return CourseEnrollmentFacts(
        course_key=str(course_key),
        course_title=overview.display_name or str(course_key),
        enrollment_start=overview.enrollment_start,
        enrollment_end=overview.enrollment_end,
        max_student_enrollments_allowed=limit,
        total_enrolled=counts["total"],
        staff_enrolled=counts["staff"],
        students_enrolled=students,
        is_enrollment_open=is_open,
        is_full=limit is not None and students >= limit,
        staff_usernames=tuple(sorted(staff_usernames)),
        finance_admin_usernames=tuple(sorted(finance_usernames)),
        modes=modes,
    )
