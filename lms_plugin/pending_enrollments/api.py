"""
Pending enrollments, the Python API.

Created from the receipt hand-off (ecommerce signs the order's seats, the learner's browser
brings them here: no server-to-server call in the checkout request, see ADR 0006); cleared by
the platform's enrollment events when the enrollment becomes active. Reads reconcile too: a
pending row whose enrollment is already active in its mode (the worker was faster than the
learner's browser) is deleted when read, so a race between the two never leaves a course
pending forever.
"""
import logging
from datetime import timedelta

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from lms_plugin import platform
from lms_plugin.pending_enrollments import errors
from lms_plugin.pending_enrollments.data import ACTIVE, NONE, PENDING, PendingEnrollmentStatus
from lms_plugin.pending_enrollments.errors import PendingEnrollmentError
from lms_plugin.pending_enrollments.models import PendingEnrollment

log = logging.getLogger(__name__)

TOKEN_AUDIENCE = "lms:pending-enrollments"
TOKEN_ISSUER = "ecommerce"


def read_receipt_token(token, user):
    """
    The ``(order_number, [(course_key, mode), ...])`` a receipt hand-off token names for ``user``.

    Raises ``PendingEnrollmentError`` when the signature, issuer, audience or expiry do not
    verify or the token names another learner.
    """
    secret = settings.COMMERCE_PENDING_ENROLLMENT_SECRET
    if not secret or not token:
        raise PendingEnrollmentError(errors.INVALID_TOKEN, "No hand-off token, or no secret to verify it.")
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], audience=TOKEN_AUDIENCE, issuer=TOKEN_ISSUER)
    except jwt.PyJWTError as exc:
        raise PendingEnrollmentError(errors.INVALID_TOKEN, f"The hand-off token does not verify: {exc}") from exc
    if claims.get("preferred_username") != user.username:
        raise PendingEnrollmentError(errors.TOKEN_FOR_ANOTHER_USER, "The hand-off token is for another learner.")
    entries = []
    for item in claims.get("enrollments") or []:
        try:
            entries.append((CourseKey.from_string(item["course_id"]), str(item["mode"])))
        except (InvalidKeyError, KeyError, TypeError) as exc:
            raise PendingEnrollmentError(errors.INVALID_COURSE_ID, f"Bad course in the token: {item!r}") from exc
    return str(claims.get("order_number", "")), entries


def record_from_receipt(user, token):
    order_number, entries = read_receipt_token(token, user)
    return record_pending(user, entries, order_number)


def record_pending(user, entries, order_number=""):
    """
    Mark each ``(course_key, mode)`` pending for ``user`` unless already active in that mode.
    """
    recorded = []
    for course_key, mode in entries:
        if _fulfilled(user, course_key, mode):
            continue
        try:
            with transaction.atomic():
                PendingEnrollment.objects.update_or_create(
                    user=user, course_id=course_key, defaults={"mode": mode, "order_number": order_number}
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


def _enrollment_state(user, course_key):
    mode, is_active = platform.course_enrollment_model().enrollment_mode_for_user(user, course_key)
    return mode, bool(is_active)


def _fulfilled(user, course_key, mode):
    enrolled_mode, is_active = _enrollment_state(user, course_key)
    return is_active and enrolled_mode == mode


def statuses_for_user(user, course_ids=None):
    """
    ``PendingEnrollmentStatus`` of each pending course of ``user`` (or of ``course_ids``, which
    answer ``active`` or ``none`` once nothing is pending).
    """
    rows = PendingEnrollment.objects.filter(user=user)
    wanted = None
    if course_ids is not None:
        wanted = [CourseKey.from_string(str(course_id)) for course_id in course_ids]
        rows = rows.filter(course_id__in=wanted)
    by_course = {row.course_id: row for row in rows}
    results = []
    for course_key in wanted if wanted is not None else list(by_course):
        row = by_course.get(course_key)
        enrolled_mode, is_active = _enrollment_state(user, course_key)
        if row is not None and is_active and enrolled_mode == row.mode:
            row.delete()
            row = None
        if row is None:
            results.append(PendingEnrollmentStatus(
                str(course_key), ACTIVE if is_active else NONE, mode=enrolled_mode or "", has_access=is_active,
                username=user.username,
            ))
        else:
            results.append(PendingEnrollmentStatus(
                str(course_key), PENDING, mode=row.mode, order_number=row.order_number, created=row.created,
                has_access=is_active, username=user.username,
            ))
    return results


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
            username=row.user.username,
        )
        for row in rows
    ]


def user_by_username(username):
    return get_user_model().objects.filter(username=username).first()
