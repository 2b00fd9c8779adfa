"""
Pending enrollments, the Python API.

Created from the receipt hand-off (ecommerce signs the order's seats, the learner's browser
brings them here: no server-to-server call in the checkout request, see ADR 0006); marked failed
when ecommerce reports that fulfillment failed for good; cleared by the platform's enrollment
events when the enrollment becomes active. Reads reconcile too: a
pending row whose enrollment is already active in its mode (the worker was faster than the
learner's browser) is deleted when read, so a race between the two never leaves a course
pending forever.
"""
import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey

from lms_plugin import platform
from lms_plugin.pending_enrollments import errors, handoff
from lms_plugin.pending_enrollments.data import ACTIVE, NONE, PENDING, PendingEnrollmentStatus
from lms_plugin.pending_enrollments.errors import PendingEnrollmentError
from lms_plugin.pending_enrollments.models import PendingEnrollment, ReceiptHandoff

log = logging.getLogger(__name__)

FULFILLMENT_FAILED = "failed"
FULFILLMENT_RETRYING = "pending"
FULFILLMENT_CANCELLED = "cancelled"
FULFILLMENT_STATES = (FULFILLMENT_FAILED, FULFILLMENT_RETRYING, FULFILLMENT_CANCELLED)


def record_from_receipt(user, token):
    """
    Record the pending courses a receipt hand-off token names for ``user``; the token is used up.

    Raises ``PendingEnrollmentError``: the token does not verify, names another learner, or was
    used before (``token_already_used``; its ``jti`` is kept until the token expires).
    """
    jti, exp, order_number, entries = handoff.read_token(
        token, settings.COMMERCE_PENDING_ENROLLMENT_SECRET, user.username
    )
    now = timezone.now()
    # Expired tokens cannot verify any more: their ids need not be kept.
    ReceiptHandoff.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            ReceiptHandoff.objects.create(
                jti=jti, order_number=order_number, user=user,
                expires_at=datetime.fromtimestamp(exp, tz=UTC),
            )
    except IntegrityError as exc:
        raise PendingEnrollmentError(errors.TOKEN_ALREADY_USED, "The hand-off token was already used.") from exc
    return record_pending(user, entries, order_number)


def record_pending(user, entries, order_number=""):
    """
    Mark each ``(course_key, mode)`` pending for ``user`` unless already active in that mode.

    A course already recorded for the same order keeps its state (a failure ecommerce reported
    is not undone by the learner opening the receipt link again); another order's record is
    replaced, as the newer purchase is the one being fulfilled.
    """
    recorded = []
    for course_key, mode in entries:
        if _fulfilled(user, course_key, mode):
            continue
        existing = PendingEnrollment.objects.filter(user=user, course_id=course_key).first()
        if existing is not None and order_number and existing.order_number == order_number:
            recorded.append(course_key)
            continue
        try:
            with transaction.atomic():
                PendingEnrollment.objects.update_or_create(
                    user=user, course_id=course_key,
                    defaults={"mode": mode, "order_number": order_number, "failed_at": None},
                )
        except IntegrityError:  # the same hand-off opened twice at once; the other request wrote it
            pass
        # The worker may have enrolled between the check and the write: the event has passed,
        # so check again rather than leave the course pending.
        if _fulfilled(user, course_key, mode):
            PendingEnrollment.objects.filter(user=user, course_id=course_key, mode=mode).delete()
            continue
        recorded.append(course_key)
    return recorded


def report_fulfillment(username, order_number, state, entries):
    """
    Ecommerce's word on order ``order_number`` of learner ``username``: its seat lines for
    ``entries`` (``(course_key, mode)`` pairs) have ``state``:

    * ``failed``: fulfillment failed for good; the dashboard says so. A course with no pending
      row yet (the learner never followed the receipt link) gets one, so the learner learns it.
    * ``pending``: staff retry the fulfillment; the entries show as being processed again.
    * ``cancelled``: the order was refunded; nothing of it is pending any more.

    Only rows of this order change: a newer order of the same course keeps its own state.
    Returns the ``PendingEnrollmentStatus`` of each entry. Idempotent: ecommerce retries it.
    """
    user = user_by_username(username)
    if user is None:
        raise PendingEnrollmentError(errors.UNKNOWN_USER, f"No user {username!r}.")
    if state not in FULFILLMENT_STATES:
        raise PendingEnrollmentError(errors.INVALID_REQUEST, f"state must be one of {FULFILLMENT_STATES}.")
    now = timezone.now()
    for course_key, mode in entries:
        rows = PendingEnrollment.objects.filter(user=user, course_id=course_key)
        if state == FULFILLMENT_CANCELLED:
            rows.filter(order_number=order_number).delete()
            continue
        if _fulfilled(user, course_key, mode):
            rows.filter(order_number=order_number).delete()
            continue
        failed_at = now if state == FULFILLMENT_FAILED else None
        with transaction.atomic():
            row = rows.select_for_update().first()
            if row is None:
                PendingEnrollment.objects.create(
                    user=user, course_id=course_key, mode=mode, order_number=order_number, failed_at=failed_at
                )
            elif row.order_number == order_number and (row.failed_at is None) != (failed_at is None):
                row.failed_at = failed_at
                row.save(update_fields=["failed_at", "modified"])
    return statuses_for_user(user, [course_key for course_key, _ in entries])


def _enrollment_state(user, course_key):
    mode, is_active = platform.course_enrollment_model().enrollment_mode_for_user(user, course_key)
    return mode, bool(is_active)


def _fulfilled(user, course_key, mode):
    enrolled_mode, is_active = _enrollment_state(user, course_key)
    return is_active and enrolled_mode == mode


def _course_display(course_key):
    overview = platform.course_overview_or_none(course_key)
    name = getattr(overview, "display_name", None) or str(course_key)
    return {"course_name": name, "course_url": platform.course_home_url(course_key)}


def statuses_for_user(user, course_ids=None):
    """
    ``PendingEnrollmentStatus`` of each pending course of ``user`` (or of ``course_ids``, which
    answer ``active`` or ``none`` once nothing is pending), with the course's name and URL: the
    learner-dashboard plugin shows a course bought before the platform lists it.
    """
    rows = PendingEnrollment.objects.filter(user=user)
    wanted = None
    if course_ids is not None:
        wanted = [CourseKey.from_string(str(course_id)) for course_id in course_ids]
        rows = rows.filter(course_id__in=wanted)
    by_course = {row.course_id: row for row in rows}
    course_keys = wanted if wanted is not None else list(by_course)
    mode_names = _mode_names(course_keys)
    results = []
    for course_key in course_keys:
        row = by_course.get(course_key)
        enrolled_mode, is_active = _enrollment_state(user, course_key)
        if row is not None and is_active and enrolled_mode == row.mode:
            row.delete()
            row = None
        mode = row.mode if row is not None else enrolled_mode or ""
        common = {
            "mode": mode, "mode_name": mode_names.get((course_key, mode), mode), "has_access": is_active,
            "username": user.username, **_course_display(course_key),
        }
        if row is None:
            results.append(PendingEnrollmentStatus(str(course_key), ACTIVE if is_active else NONE, **common))
        else:
            results.append(PendingEnrollmentStatus(
                str(course_key), PENDING, order_number=row.order_number, created=row.created,
                failed_at=row.failed_at, **common,
            ))
    return results


def _mode_names(course_keys):
    """``(course key, mode slug) -> the mode's display name`` for these courses, in one query."""
    if not course_keys:
        return {}
    modes = platform.course_mode_model().objects.filter(course_id__in=course_keys)
    return {
        (course_id, slug): name
        for course_id, slug, name in modes.values_list("course_id", "mode_slug", "mode_display_name")
        if name
    }


def pending_for_user(user):
    return [status for status in statuses_for_user(user) if status.status == PENDING]


def clear_for_enrollment(username, course_key, mode, is_active):
    """
    The enrollment event's side: an active enrollment in the pending mode clears the status.
    """
    if not is_active:
        return 0
    deleted, _ = PendingEnrollment.objects.filter(
        user__username=username, course_id=course_key, mode=mode
    ).delete()
    return deleted


def stale_pending(older_than=None):
    """
    Pending entries older than ``older_than`` (default ``COMMERCE_PENDING_ENROLLMENT_STALE_AFTER``
    seconds), oldest first: fulfillment is stuck or failed, support should look at the order.
    """
    older_than = older_than if older_than is not None else timedelta(
        seconds=settings.COMMERCE_PENDING_ENROLLMENT_STALE_AFTER
    )
    cutoff = timezone.now() - older_than
    rows = PendingEnrollment.objects.filter(created__lt=cutoff).select_related("user").order_by("created")
    return [
        PendingEnrollmentStatus(
            str(row.course_id), PENDING, mode=row.mode, order_number=row.order_number, created=row.created,
            username=row.user.username, failed_at=row.failed_at,
        )
        for row in rows
    ]


def user_by_username(username):
    return get_user_model().objects.filter(username=username).first()
