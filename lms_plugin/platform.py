"""
The LMS as the plugin sees it: every import of a platform module happens here, by its real
upstream path, inside thin functions (imported lazily, so loading the plugin never imports the host
early). The rest of the plugin calls this module only.
"""


# --- paid enrollments (issue 8) ---------------------------------------------------------------


def course_mode_model():
    from common.djangoapps.course_modes.models import CourseMode  # noqa: PLC0415

    return CourseMode


def course_enrollment_model():
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415

    return CourseEnrollment


def course_access_role_model():
    from common.djangoapps.student.models import CourseAccessRole  # noqa: PLC0415

    return CourseAccessRole


def course_overview_or_none(course_key):
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415

    try:
        return CourseOverview.get_from_id(course_key)
    except CourseOverview.DoesNotExist:
        return None


def default_enrollment_mode(course_key):
    """
    The mode ``CourseEnrollment.enroll`` picks when none is asked for (audit, else honor).
    """
    from openedx.core.djangoapps.enrollments.api import _default_course_mode  # noqa: PLC0415

    return _default_course_mode(str(course_key))


def requesting_user():
    """
    The user of the request being served (crum), or None outside a request (tasks, commands).
    """
    from crum import get_current_user  # noqa: PLC0415

    return get_current_user()


def is_course_staff(user, course_key):
    """
    Whether ``user`` is staff or instructor of the course (the platform's own roles).
    """
    from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole  # noqa: PLC0415

    return CourseStaffRole(course_key).has_user(user) or CourseInstructorRole(course_key).has_user(user)


# --- discounts (issue 4) ----------------------------------------------------------------------


def discount_course_overview(course_key):
    """
    The course run's ``CourseOverview`` (end date, org), or None when there is no such course.
    """
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415

    try:
        return CourseOverview.get_from_id(course_key)
    except CourseOverview.DoesNotExist:
        return None


def unexpired_verified_mode(course_key):
    """
    The course's unexpired professional-or-verified ``Mode`` tuple, or None (``CourseMode.verified_mode_for_course``).
    """
    from common.djangoapps.course_modes.models import CourseMode  # noqa: PLC0415

    return CourseMode.verified_mode_for_course(course_id=course_key, include_expired=False)


def upsell_modes():
    """
    The free modes a learner can upgrade from (``CourseMode.UPSELL_TO_VERIFIED_MODES``); every other mode is paid.
    """
    from common.djangoapps.course_modes.models import CourseMode  # noqa: PLC0415

    return tuple(CourseMode.UPSELL_TO_VERIFIED_MODES)


def enrollments_for_discount(user, course_key):
    """
    In one query: the learner's enrollment rows in ``course_key`` and in any paid mode anywhere,
    as dicts with ``course_id``, ``mode``, ``is_active``, ``created``.
    """
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415
    from django.db.models import Q  # noqa: PLC0415

    rows = CourseEnrollment.objects.filter(user=user).filter(
        Q(course_id=course_key) | ~Q(mode__in=upsell_modes())
    ).values("course_id", "mode", "is_active", "created")
    return list(rows[:20])


def holds_entitlement_for_course_run(user, course_key):
    """
    Whether the learner has an unexpired ``CourseEntitlement`` redeemed into this course run.
    """
    from common.djangoapps.entitlements.models import CourseEntitlement  # noqa: PLC0415

    return CourseEntitlement.objects.filter(
        user=user, enrollment_course_run__course_id=course_key, expired_at__isnull=True
    ).exists()


def create_jwt_for_user(user, additional_claims=None, scopes=None):
    """
    The platform's signed user JWT (``oauth_dispatch.jwt.create_jwt_for_user``) with extra claims.
    """
    from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user as platform_jwt  # noqa: PLC0415

    return platform_jwt(user, additional_claims=additional_claims, scopes=scopes)
