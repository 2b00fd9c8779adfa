"""
The LMS as the plugin sees it: every import of a platform module happens here, by its real
upstream path, inside thin functions (imported lazily, so loading the plugin never imports the host
early). The rest of the plugin calls this module only.
"""


# --- optional platform hooks -------------------------------------------------------------------


def openedx_filter(class_name):
    """
    The openedx-filters class ``class_name`` of ``openedx_filters.learning.filters``, or None where
    the platform's openedx-filters predates it (``DiscountEligibilityCheckRequested`` exists from
    3.7.0; Open edX releases up to 2026-04 pin 1.11 to 3.1). Never imported at module level, so an
    older platform still boots with the plugin and simply does without the hook.
    """
    from openedx_filters.learning import filters  # noqa: PLC0415

    return getattr(filters, class_name, None)


# --- paid enrollments (issue 8) ---------------------------------------------------------------


def course_mode_model():
    from common.djangoapps.course_modes.models import CourseMode  # noqa: PLC0415

    return CourseMode


def course_enrollment_model():
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415

    return CourseEnrollment


def course_role_users(course_key, role):
    """
    The users holding a course role (``staff``, ``instructor``, ``finance_admin``), as a User queryset.

    Through the platform's role API (``CourseRole.users_with_role``), which reads
    ``CourseAccessRole`` or, where the platform has moved the course's roles to
    openedx-authz (``authz.enable_course_authoring``), the authz assignments.
    """
    from common.djangoapps.student.roles import (  # noqa: PLC0415
        CourseFinanceAdminRole,
        CourseInstructorRole,
        CourseStaffRole,
    )

    role_class = {"staff": CourseStaffRole, "instructor": CourseInstructorRole, "finance_admin": CourseFinanceAdminRole}
    return role_class[role](course_key).users_with_role()


def course_overview_or_none(course_key):
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415

    try:
        return CourseOverview.get_from_id(course_key)
    except CourseOverview.DoesNotExist:
        return None


def default_enrollment_mode(course_key):
    """
    The mode ``CourseEnrollment.enroll`` picks when none is asked for.

    The platform decides it in ``openedx.core.djangoapps.enrollments.api._default_course_mode``,
    a private name; this is the same rule over public names (``CourseMode.modes_for_course``,
    ``DEFAULT_MODE_SLUG``): the default slug (audit) if the course has it, else audit, else
    honor, else the default slug. Risk: if upstream changes its rule, the price is checked on
    another mode than the one enrolled; the LMS suite compares the two on every mode set.
    """
    from common.djangoapps.course_modes.models import CourseMode  # noqa: PLC0415

    available = {mode.slug for mode in CourseMode.modes_for_course(course_key)}
    for slug in (CourseMode.DEFAULT_MODE_SLUG, "audit", "honor"):
        if slug in available:
            return slug
    return CourseMode.DEFAULT_MODE_SLUG


def requesting_user():
    """
    The user of the request being served (crum), or None outside a request (tasks, commands).
    """
    from crum import get_current_user  # noqa: PLC0415

    return get_current_user()


def request_has_edx_api_key():
    """
    Whether the request being served carries the platform's ``EDX_API_KEY`` (``X-Edx-Api-Key``):
    the server-to-server credential upstream's ``ApiKeyHeaderPermission`` accepts, and the one
    Otto's enrollment fulfillment module sends (with no user).
    """
    import hmac  # noqa: PLC0415

    from crum import get_current_request  # noqa: PLC0415
    from django.conf import settings  # noqa: PLC0415

    request = get_current_request()
    api_key = getattr(settings, "EDX_API_KEY", None)
    presented = request.META.get("HTTP_X_EDX_API_KEY") if request is not None else None
    return bool(api_key and presented) and hmac.compare_digest(str(presented), str(api_key))


def is_course_staff(user, course_key):
    """
    Whether ``user`` is staff or instructor of the course (the platform's own roles).
    """
    from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole  # noqa: PLC0415

    return CourseStaffRole(course_key).has_user(user) or CourseInstructorRole(course_key).has_user(user)


# --- CCX external ids and jobs (issue 3) ------------------------------------------------------

# The platform's CCX model, for the plugin's foreign keys (an app label, so no import at load time).
CCX_MODEL = "ccx.CustomCourseForEdX"


def ccx_model():
    from lms.djangoapps.ccx.models import CustomCourseForEdX  # noqa: PLC0415

    return CustomCourseForEdX


def ccx_locator(master_course_key, ccx_id):
    """
    The CCX course key (``ccx-v1:...+ccx@N``) of CCX ``ccx_id`` on ``master_course_key``.
    """
    from ccx_keys.locator import CCXLocator  # noqa: PLC0415

    return CCXLocator.from_course_locator(master_course_key, str(ccx_id))


def master_course_or_none(course_key):
    """
    The course block of a master course (``get_course_by_id``), or None when the course does not exist.
    """
    from django.http import Http404  # noqa: PLC0415
    from openedx.core.lib.courses import get_course_by_id  # noqa: PLC0415

    try:
        return get_course_by_id(course_key)
    except Http404:
        return None


def course_chapter_ids(course_key):
    """
    The usage keys (strings) of the course's chapters, the modules a CCX may select.
    """
    from lms.djangoapps.courseware.courses import get_course_chapter_ids  # noqa: PLC0415

    return get_course_chapter_ids(course_key)


def is_valid_email(value):
    from lms.djangoapps.ccx.utils import is_email  # noqa: PLC0415

    return is_email(value)


def user_by_email_or_none(email):
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    return get_user_model().objects.filter(email=email).first()


def override_ccx_field(ccx, block, name, value):
    from lms.djangoapps.ccx.overrides import override_field_for_ccx  # noqa: PLC0415

    override_field_for_ccx(ccx, block, name, value)


def make_ccx_coach_on_master_course(user, master_course_key):
    """
    Give ``user`` the ccx_coach role on the master course (a CCX coach must have it).
    """
    from common.djangoapps.student.roles import CourseCcxCoachRole  # noqa: PLC0415

    CourseCcxCoachRole(master_course_key).add_users(user)


def enroll_coach_in_ccx(coach, master_course, ccx_key, display_name):
    """
    Enroll the coach in the CCX, as the platform's CCX API does (``enroll_email`` with the course's email params).
    """
    from lms.djangoapps.instructor.enrollment import enroll_email, get_email_params  # noqa: PLC0415

    email_params = get_email_params(master_course, auto_enroll=True, course_key=ccx_key, display_name=display_name)
    enroll_email(
        course_id=ccx_key, student_email=coach.email, auto_enroll=True, message_students=True,
        message_params=email_params,
    )


def assign_ccx_staff_roles(ccx_key, coach, master_course, display_name, *, add_master_staff):
    """
    Make the coach staff on the CCX, and (on creation) the master course's staff and instructors too.
    """
    from lms.djangoapps.ccx.utils import add_master_course_staff_to_ccx, assign_staff_role_to_ccx  # noqa: PLC0415

    assign_staff_role_to_ccx(ccx_key, coach, master_course.id)
    if add_master_staff:
        add_master_course_staff_to_ccx(master_course, ccx_key, display_name, send_email=False)


def send_course_published(ccx, ccx_key):
    """
    Fire the modulestore's ``course_published`` for the CCX (the CCX as sender, as the platform's CCX API does).
    """
    from xmodule.modulestore.django import SignalHandler  # noqa: PLC0415

    return SignalHandler.course_published.send(sender=ccx, course_key=ccx_key)


def delete_ccx(ccx, ccx_key):
    """
    Delete a CCX as the platform's v0 DELETE does: its field overrides, every enrollment in it,
    its course overview, then the CCX (call inside a transaction).
    """
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415
    from lms.djangoapps.ccx.models import CcxFieldOverride  # noqa: PLC0415
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415

    CcxFieldOverride.objects.filter(ccx=ccx).delete()
    CourseEnrollment.objects.filter(course_id=ccx_key).delete()
    CourseOverview.objects.filter(id=ccx_key).delete()
    ccx.delete()


def active_enrollment_count_excluding_staff(course_key):
    """
    The learners counted against a course's enrollment limit (staff, instructors and coaches are not).
    """
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415

    return CourseEnrollment.objects.num_enrolled_in_exclude_admins(course_key)


def is_master_course_staff_or_instructor(user, course_key):
    """
    The platform CCX API's permission: staff or instructor of the master course.
    """
    from common.djangoapps.student.roles import CourseInstructorRole, CourseStaffRole  # noqa: PLC0415

    return CourseInstructorRole(course_key).has_user(user) or CourseStaffRole(course_key).has_user(user)



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


def learner_record_models():
    """
    The platform models whose rows decide a learner's discount (enrollments, entitlements): a
    change to either must reach the plugin's cached view of the learner.
    """
    from common.djangoapps.entitlements.models import CourseEntitlement  # noqa: PLC0415
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415

    return (CourseEnrollment, CourseEntitlement)


def holds_entitlement_for_course_run(user, course_key):
    """
    Whether the learner has an unexpired ``CourseEntitlement`` redeemed into this course run.
    """
    from common.djangoapps.entitlements.models import CourseEntitlement  # noqa: PLC0415

    return CourseEntitlement.objects.filter(
        user=user, enrollment_course_run__course_id=course_key, expired_at__isnull=True
    ).exists()


def create_jwt_for_user(user, aud=None, additional_claims=None, scopes=None):
    """
    The platform's signed user JWT (``oauth_dispatch.jwt.create_jwt_for_user``) with extra claims.

    The platform signs it HS256 with ``JWT_SECRET_KEY``, or with its private JWK when
    ``JWT_AUTH_FORCE_CREATE_ASYMMETRIC`` is on; ``aud`` replaces ``JWT_AUTH["JWT_AUDIENCE"]``.
    """
    from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user as platform_jwt  # noqa: PLC0415

    return platform_jwt(user, aud=aud, additional_claims=additional_claims, scopes=scopes)


# --- pending enrollments (issue 6) -------------------------------------------------------------


def current_request():
    """
    The request being served (crum), or None outside a request.
    """
    from crum import get_current_request  # noqa: PLC0415

    return get_current_request()


def course_home_url(course_key):
    """
    The learner's entry into a course: the platform's ``course_home_url`` (the learning MFE's course home).
    """
    from openedx.features.course_experience import course_home_url as platform_course_home_url  # noqa: PLC0415

    return platform_course_home_url(course_key)
