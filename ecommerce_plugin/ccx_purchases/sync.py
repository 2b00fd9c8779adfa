"""
Bringing the LMS CCX of a purchase up to the purchase: used by the task after payment and by the groomer.

One holder at a time per purchase, without a database lock held over HTTP: a holder takes a lease
(an atomic ``UPDATE ... WHERE lease expired``), talks to the LMS, and writes the result back only
while it still holds the lease and only for the version it pushed. If the purchase moved on while
it talked (an upgrade landed), it pushes again before letting go, so the last paid version always
reaches the LMS. The LMS call is an idempotent create-or-update by the purchase's external id, so a
repeated or retried push never makes a second CCX.
"""
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from ecommerce_plugin.ccx_purchases.data import SyncState
from ecommerce_plugin.ccx_purchases.lms import CcxApi, LmsRejected, LmsUnavailable
from ecommerce_plugin.ccx_purchases.models import CcxPurchase

log = logging.getLogger(__name__)

# Outcomes of one sync.
SYNCED = "synced"  # the LMS was written and confirmed
ALREADY_IN_SYNC = "already_in_sync"  # nothing to push: our record or the LMS already had this version
BUSY = "busy"  # another task or groomer holds the purchase
GONE = "gone"
# How many times one holder follows a purchase that keeps moving while it talks to the LMS.
MAX_FOLLOW = 5


def lms_payload(purchase):
    """
    The v0 fields of the CCX the purchase pays for (the coach is the buyer).
    """
    return {
        "master_course_id": purchase.course.master_course_key,
        "coach_email": purchase.user.email,
        "display_name": purchase.display_name,
        "max_students_allowed": purchase.seats,
        "course_modules": list(purchase.modules),
        "external_id": str(purchase.external_id),
    }


def claim(purchase_id, token, now=None):
    """
    Take the purchase's sync lease; False when someone else holds an unexpired one.
    """
    now = now or timezone.now()
    until = now + timedelta(seconds=settings.COMMERCE_CCX_SYNC_LEASE_SECONDS)
    return bool(
        CcxPurchase.objects.filter(id=purchase_id)
        .filter(Q(sync_lease_until__isnull=True) | Q(sync_lease_until__lt=now))
        .update(sync_lease_until=until, sync_lease_token=token)
    )


def _release(purchase_id, token, **fields):
    return CcxPurchase.objects.filter(id=purchase_id, sync_lease_token=token).update(
        sync_lease_until=None, sync_lease_token="", **fields
    )


def needs_sync(purchase):
    return purchase.synced_version < purchase.version or not purchase.ccx_course_id


def sync_purchase(purchase_id, *, ask_first=False, force_check=False, api=None):
    """
    Push purchase ``purchase_id`` to the LMS; returns one of the outcomes above.

    ``ask_first`` (the groomer): look the CCX up by external id first and write only when the LMS
    is behind (fewer seats or a module missing) or has none. ``force_check``: also look at
    purchases our record calls in sync. Raises ``LmsUnavailable`` (retry later) or ``LmsRejected``
    (the purchase is marked failed).
    """
    token = uuid.uuid4().hex
    if not claim(purchase_id, token):
        return BUSY
    try:
        return _sync_holding_lease(purchase_id, token, ask_first=ask_first, force_check=force_check, api=api)
    except LmsUnavailable as exc:
        _release(purchase_id, token, sync_error=exc.error_code, sync_attempts=F("sync_attempts") + 1)
        raise
    except LmsRejected as exc:
        log.warning("LMS refused the CCX of purchase %s: %s", purchase_id, exc)
        _release(
            purchase_id, token, sync_state=SyncState.FAILED, sync_error=exc.error_code[:255],
            sync_attempts=F("sync_attempts") + 1,
        )
        raise
    except BaseException:
        _release(purchase_id, token)
        raise


def _sync_holding_lease(purchase_id, token, *, ask_first, force_check, api):
    api = api or CcxApi()
    outcome = ALREADY_IN_SYNC
    for _ in range(MAX_FOLLOW):
        purchase = CcxPurchase.objects.select_related("course", "user").filter(id=purchase_id).first()
        if purchase is None:
            return GONE
        if not needs_sync(purchase) and not force_check:
            _release(purchase_id, token, sync_state=SyncState.IN_SYNC, sync_error="")
            return outcome
        ccx = api.find_by_external_id(purchase.external_id) if ask_first else None
        if ccx is None or not ccx.has_at_least(purchase.seats, purchase.modules):
            ccx = api.put_by_external_id(purchase.external_id, lms_payload(purchase))
            outcome = SYNCED
        written = CcxPurchase.objects.filter(id=purchase_id, sync_lease_token=token, version=purchase.version).update(
            ccx_course_id=ccx.ccx_course_id,
            synced_version=purchase.version,
            sync_state=SyncState.IN_SYNC,
            sync_error="",
            sync_attempts=0,
            last_synced_at=timezone.now(),
            sync_lease_until=None,
            sync_lease_token="",
        )
        if written:
            return outcome
        # Either an upgrade landed while we talked (push again), or our lease expired (stop).
        moved = CcxPurchase.objects.filter(id=purchase_id, sync_lease_token=token).update(
            ccx_course_id=ccx.ccx_course_id
        )
        if not moved:
            return BUSY
    _release(purchase_id, token)
    return BUSY


def mark_failed(purchase_id, error_code):
    """
    Retries ran out: staff and the groomer see the purchase as failed (unless it got in sync meanwhile).
    """
    CcxPurchase.objects.filter(id=purchase_id).exclude(sync_state=SyncState.IN_SYNC).update(
        sync_state=SyncState.FAILED, sync_error=error_code[:255]
    )
