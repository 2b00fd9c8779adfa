"""
Replica of openedx-platform ``common/djangoapps/student/models/course_enrollment.py`` (``CourseEnrollment``, its manager and exceptions, ``CourseEnrollmentAllowed``; subset).

Like upstream, ``enroll`` runs the ``CourseEnrollmentStarted`` filter and sends
``COURSE_ENROLLMENT_CREATED``; ``update_enrollment`` sends
``COURSE_ENROLLMENT_CHANGED`` (and ``COURSE_UNENROLLMENT_COMPLETED`` on
deactivation); ``unenroll`` runs ``CourseUnenrollmentStarted``. Not replicated:
model history, tracking/segment events, the legacy django signals, refunds and
the per-request enrollment cache.
"""
import logging
from collections import namedtuple

from django.contrib.auth.models import User  # pylint: disable=imported-auth-user
from django.db import models
from django.db.models import Count, Index
from django.utils import timezone
from opaque_keys.edx.django.models import CourseKeyField
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx_events.learning.data import CourseData, CourseEnrollmentData, UserData, UserPersonalData
from openedx_events.learning.signals import (
    COURSE_ENROLLMENT_CHANGED,
    COURSE_ENROLLMENT_CREATED,
    COURSE_UNENROLLMENT_COMPLETED,
)
from openedx_filters.learning.filters import CourseEnrollmentStarted, CourseUnenrollmentStarted

from common.djangoapps.course_modes.models import CourseMode

log = logging.getLogger(__name__)


class CourseEnrollmentException(Exception):
    pass


class NonExistentCourseError(CourseEnrollmentException):
    pass


class EnrollmentClosedError(CourseEnrollmentException):
    pass


class CourseFullError(CourseEnrollmentException):
    pass


class AlreadyEnrolledError(CourseEnrollmentException):
    pass


class EnrollmentNotAllowed(CourseEnrollmentException):
    pass


class UnenrollmentNotAllowed(CourseEnrollmentException):
    pass


class CourseEnrollmentManager(models.Manager):
    """
    Custom manager for CourseEnrollment with table-level filter methods.
    """

    def num_enrolled_in(self, course_id):
        """
        The count of active enrollments in a course (an older upstream method, kept for callers of it).
        """
        return self.get_queryset().filter(course_id=course_id, is_active=True).count()

    def num_enrolled_in_exclude_admins(self, course_id):
        """
        The count of active enrollments in a course excluding instructors, staff and CCX coaches.
        """
        # To avoid circular imports.
        from common.djangoapps.student.roles import (  # pylint: disable=import-outside-toplevel
            CourseCcxCoachRole,
            CourseInstructorRole,
            CourseStaffRole,
        )

        course_locator = course_id
        if getattr(course_id, "ccx", None):
            course_locator = course_id.to_course_locator()
        staff = CourseStaffRole(course_locator).users_with_role()
        admins = CourseInstructorRole(course_locator).users_with_role()
        coaches = CourseCcxCoachRole(course_locator).users_with_role()
        return (
            self.get_queryset()
            .filter(course_id=course_id, is_active=True)
            .exclude(user__in=staff)
            .exclude(user__in=admins)
            .exclude(user__in=coaches)
            .count()
        )

    def is_course_full(self, course):
        """
        Whether ``course`` (a CourseOverview) has reached its maximum enrollment.
        """
        if course.max_student_enrollments_allowed is None:
            return False
        return self.num_enrolled_in_exclude_admins(course.id) >= course.max_student_enrollments_allowed

    def users_enrolled_in(self, course_id, include_inactive=False, verified_only=False):
        """
        A User queryset of everyone enrolled in the course.
        """
        filter_kwargs = {"courseenrollment__course_id": course_id}
        if not include_inactive:
            filter_kwargs["courseenrollment__is_active"] = True
        if verified_only:
            filter_kwargs["courseenrollment__mode"] = CourseMode.VERIFIED
        return User.objects.filter(**filter_kwargs)

    def enrollment_counts(self, course_id):
        """
        ``{mode: count, ..., "total": count}`` of the active enrollments in a course.
        """
        query = (
            self.get_queryset()
            .filter(course_id=course_id, is_active=True)
            .values("mode")
            .order_by()
            .annotate(Count("mode"))
        )
        counts = {"total": 0}
        for item in query:
            counts[item["mode"]] = item["mode__count"]
            counts["total"] += item["mode__count"]
        return counts


# The (mode, is_active) state of a user's enrollment in a course.
CourseEnrollmentState = namedtuple("CourseEnrollmentState", "mode, is_active")


def _user_data(user):
    """
    The openedx-events ``UserData`` of ``user``.

    Upstream reads ``user.profile.name`` (every platform user has a profile);
    the sandbox falls back to an empty name for users created without one.
    """
    try:
        name = user.profile.name
    except User.profile.RelatedObjectDoesNotExist:
        name = ""
    return UserData(
        pii=UserPersonalData(username=user.username, email=user.email, name=name),
        id=user.id,
        is_active=user.is_active,
    )


class CourseEnrollment(models.Model):
    """
    Represents a Student's Enrollment record for a single Course.

    Use the classmethods (``enroll``, ``unenroll``, ``is_enrolled``...) rather than
    manipulating rows directly.

    .. no_pii:
    """

    MODEL_TAGS = ["course", "is_active", "mode"]

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    course = models.ForeignKey(CourseOverview, db_constraint=False, on_delete=models.DO_NOTHING)

    # Django sets ``course_id`` from the database in __init__; this property pair keeps it a CourseKey.
    @property
    def course_id(self):
        return self._course_id

    @course_id.setter
    def course_id(self, value):
        if isinstance(value, str):
            self._course_id = CourseKey.from_string(value)
        else:
            self._course_id = value

    created = models.DateTimeField(auto_now_add=True, null=True, db_index=True)
    # If is_active is False, the student is not considered enrolled in the course.
    is_active = models.BooleanField(default=True)
    mode = models.CharField(default=CourseMode.get_default_mode_slug, max_length=100)

    objects = CourseEnrollmentManager()

    class Meta:
        unique_together = (("user", "course"),)
        indexes = [Index(fields=["user", "-created"])]
        ordering = ("user", "course")

    def __str__(self):
        return f"[CourseEnrollment] {self.user}: {self.course_id} ({self.created}); active: ({self.is_active})"

    @classmethod
    def get_or_create_enrollment(cls, user, course_key):
        """
        Get or create the (by default inactive) enrollment of ``user`` in ``course_key``.

        An unlinked CourseEnrollmentAllowed for the user's email becomes linked to the user.
        """
        assert isinstance(course_key, CourseKey)
        if user.id is None:
            user.save()
        enrollment, __ = cls.objects.get_or_create(
            user=user,
            course_id=course_key,
            defaults={"mode": CourseMode.DEFAULT_MODE_SLUG, "is_active": False},
        )
        CourseEnrollmentAllowed.objects.filter(email=user.email, course_id=course_key, user__isnull=True).update(
            user=user
        )
        return enrollment

    @classmethod
    def get_enrollment(cls, user, course_key, select_related=None):
        """
        The CourseEnrollment of ``user`` in ``course_key``, or None.
        """
        assert user
        if user.is_anonymous:
            return None
        query = cls.objects
        if select_related is not None:
            query = query.select_related(*select_related)
        try:
            return query.get(user=user, course_id=course_key)
        except cls.DoesNotExist:
            return None

    @classmethod
    def is_enrollment_closed(cls, user, course):
        """
        Whether ``user`` may no longer (or not yet) enroll in ``course`` (a CourseOverview).

        Upstream asks the ``ENROLL_IN_COURSE`` permission: global staff may always
        enroll, others inside the enrollment window.
        """
        if user.is_staff:
            return False
        now = timezone.now()
        if course.enrollment_start and now < course.enrollment_start:
            return True
        return bool(course.enrollment_end and now > course.enrollment_end)

    def update_enrollment(self, mode=None, is_active=None, skip_refund=False, enterprise_uuid=None):
        """
        Update the mode and/or activation of this enrollment; saves immediately.

        Sends COURSE_ENROLLMENT_CHANGED when either changes, and
        COURSE_UNENROLLMENT_COMPLETED when the enrollment is deactivated.
        ``skip_refund`` and ``enterprise_uuid`` are accepted for upstream's
        signature; the sandbox has no refund flow or enterprise events.
        """
        activation_changed = False
        if self.is_active != is_active and is_active is not None:
            self.is_active = is_active
            activation_changed = True

        mode_changed = False
        if self.mode != mode and mode is not None:
            self.mode = mode
            mode_changed = True

        try:
            course_data = CourseData(course_key=self.course_id, display_name=self.course.display_name)
        except CourseOverview.DoesNotExist:
            course_data = CourseData(course_key=self.course_id)

        if activation_changed or mode_changed:
            self.save()
            # .. event_implemented_name: COURSE_ENROLLMENT_CHANGED
            COURSE_ENROLLMENT_CHANGED.send_event(enrollment=self._enrollment_data(course_data))

        if activation_changed and not self.is_active:
            # .. event_implemented_name: COURSE_UNENROLLMENT_COMPLETED
            COURSE_UNENROLLMENT_COMPLETED.send_event(enrollment=self._enrollment_data(course_data))

    def _enrollment_data(self, course_data):
        return CourseEnrollmentData(
            user=_user_data(self.user),
            course=course_data,
            mode=self.mode,
            is_active=self.is_active,
            creation_date=self.created,
        )

    @classmethod
    def enroll(cls, user, course_key, mode=None, check_access=False, can_upgrade=False, enterprise_uuid=None):
        """
        Enroll ``user`` in ``course_key`` and return the CourseEnrollment; saves immediately.

        ``mode`` defaults to the course's default mode. With ``check_access`` the
        course must exist, be open for enrollment (unless ``can_upgrade``) and not
        full, and the user must not already be enrolled. Raises
        NonExistentCourseError, EnrollmentClosedError, CourseFullError,
        AlreadyEnrolledError, or EnrollmentNotAllowed when a
        CourseEnrollmentStarted filter step prevents the enrollment.
        """
        try:
            # .. filter_implemented_name: CourseEnrollmentStarted
            # .. filter_type: org.openedx.learning.course.enrollment.started.v1
            user, course_key, mode = CourseEnrollmentStarted.run_filter(user=user, course_key=course_key, mode=mode)
        except CourseEnrollmentStarted.PreventEnrollment as exc:
            raise EnrollmentNotAllowed(str(exc)) from exc

        if mode is None:
            # Imported here: the enrollments API imports this module.
            from openedx.core.djangoapps.enrollments.api import (  # pylint: disable=import-outside-toplevel
                _default_course_mode,
            )

            mode = _default_course_mode(str(course_key))

        course = None
        try:
            course = CourseOverview.get_from_id(course_key)
            course_data = CourseData(course_key=course.id, display_name=course.display_name)
        except CourseOverview.DoesNotExist:
            # Upstream keeps allowing enrollment in courses without an overview when access is not checked.
            course_data = CourseData(course_key=course_key)
            if check_access:
                log.warning("User %s failed to enroll in non-existent course %s", user.username, course_key)
                raise NonExistentCourseError  # pylint: disable=raise-missing-from

        if check_access:
            if cls.is_enrollment_closed(user, course) and not can_upgrade:
                log.warning("User %s failed to enroll in course %s: enrollment is closed", user.username, course_key)
                raise EnrollmentClosedError
            if cls.objects.is_course_full(course):
                log.warning("Course %s is full. User %s failed to enroll.", course_key, user.username)
                raise CourseFullError
        if cls.is_enrolled(user, course_key):
            log.warning("User %s attempted to enroll in %s, but they were already enrolled", user.username, course_key)
            if check_access:
                raise AlreadyEnrolledError

        enrollment = cls.get_or_create_enrollment(user, course_key)
        enrollment.update_enrollment(is_active=True, mode=mode, enterprise_uuid=enterprise_uuid)

        # .. event_implemented_name: COURSE_ENROLLMENT_CREATED
        COURSE_ENROLLMENT_CREATED.send_event(
            enrollment=CourseEnrollmentData(
                user=_user_data(user),
                course=course_data,
                mode=enrollment.mode,
                is_active=enrollment.is_active,
                creation_date=enrollment.created,
            )
        )
        return enrollment

    @classmethod
    def enroll_by_email(cls, email, course_id, mode=None, ignore_errors=True):
        """
        Enroll the user with ``email``; None (or User.DoesNotExist) when there is no such user.
        """
        try:
            user = User.objects.get(email=email)
        except User.DoesNotExist:
            log.error("Tried to enroll email %s into course %s, but user not found", email, course_id)
            if ignore_errors:
                return None
            raise
        return cls.enroll(user, course_id, mode)

    @classmethod
    def unenroll(cls, user, course_id, skip_refund=False):
        """
        Deactivate the enrollment of ``user`` in ``course_id``; logs (does not raise) when there is none.
        """
        try:
            record = cls.objects.get(user=user, course_id=course_id)
        except cls.DoesNotExist:
            log.error("Tried to unenroll student %s from %s but they were not enrolled", user, course_id)
            return
        try:
            # .. filter_implemented_name: CourseUnenrollmentStarted
            # .. filter_type: org.openedx.learning.course.unenrollment.started.v1
            record = CourseUnenrollmentStarted.run_filter(enrollment=record)
        except CourseUnenrollmentStarted.PreventUnenrollment as exc:
            raise UnenrollmentNotAllowed(str(exc)) from exc
        record.update_enrollment(is_active=False, skip_refund=skip_refund)

    @classmethod
    def is_enrolled(cls, user, course_key):
        """
        Whether ``user`` has an active enrollment in ``course_key``.
        """
        return cls._get_enrollment_state(user, course_key).is_active or False

    @classmethod
    def enrollment_mode_for_user(cls, user, course_id):
        """
        ``(mode, is_active)`` of the user's enrollment; ``(None, None)`` when there is none.
        """
        state = cls._get_enrollment_state(user, course_id)
        return state.mode, state.is_active

    @classmethod
    def _get_enrollment_state(cls, user, course_key):
        assert user
        if user.is_anonymous:
            return CourseEnrollmentState(None, None)
        try:
            record = cls.objects.get(user=user, course_id=course_key)
        except cls.DoesNotExist:
            return CourseEnrollmentState(None, None)
        return CourseEnrollmentState(record.mode, record.is_active)

    @classmethod
    def enrollments_for_user(cls, user):
        return cls.objects.filter(user=user, is_active=True).select_related("user")

    @classmethod
    def get_active_enrollments_in_course(cls, course_key):
        return cls.objects.filter(course_id=course_key, is_active=True).select_related("user", "user__profile")

    @classmethod
    def is_enrolled_as_verified(cls, user, course_key):
        enrollment = cls.get_enrollment(user, course_key)
        return enrollment is not None and enrollment.is_active and enrollment.is_verified_enrollment()

    def activate(self):
        """Makes this enrollment active. Saves immediately."""
        self.update_enrollment(is_active=True)

    def deactivate(self):
        """Makes this enrollment inactive. Saves immediately."""
        self.update_enrollment(is_active=False)

    def change_mode(self, mode):
        """Changes this enrollment's mode to ``mode``. Saves immediately."""
        self.update_enrollment(mode=mode)

    def is_verified_enrollment(self):
        return CourseMode.is_verified_slug(self.mode)

    def is_professional_enrollment(self):
        return CourseMode.is_professional_slug(self.mode)

    @property
    def username(self):
        return self.user.username

    @property
    def course_overview(self):
        """
        The CourseOverview of this enrollment's course, or None when it cannot be loaded.
        """
        try:
            return self.course
        except CourseOverview.DoesNotExist:
            try:
                return CourseOverview.get_from_id(self.course_id)
            except CourseOverview.DoesNotExist:
                return None


class CourseEnrollmentAllowed(models.Model):
    """
    Users (by email address) allowed to enroll in a course, whether or not they have an account yet.

    Once the email's user enrolls, the row is linked to that user.

    .. no_pii:
    """

    email = models.CharField(max_length=255, db_index=True)
    course_id = CourseKeyField(max_length=255, db_index=True)
    auto_enroll = models.BooleanField(default=False)
    user = models.ForeignKey(
        User,
        null=True,
        blank=True,
        help_text="First user which enrolled in the specified course through the specified e-mail. "
        "Once set, it won't change.",
        on_delete=models.CASCADE,
    )
    created = models.DateTimeField(auto_now_add=True, null=True, db_index=True)

    class Meta:
        unique_together = (("email", "course_id"),)

    def __str__(self):
        return f"[CourseEnrollmentAllowed] {self.email}: {self.course_id} ({self.created})"

    @classmethod
    def may_enroll_and_unenrolled(cls, course_id):
        """
        The allowed rows of users who may enroll in ``course_id`` and have not.
        """
        enrolled = CourseEnrollment.objects.users_enrolled_in(course_id=course_id).values_list("email", flat=True)
        return cls.objects.filter(course_id=course_id).exclude(email__in=enrolled)
