"""
``manage.py groom_ccx_purchases``: repair paid CCX purchases whose LMS CCX is missing or behind.

The groomer the Teacher's Portal design asked for: for every purchase our record does not call in
sync (no CCX id, a paid version the LMS has not confirmed, or a failed sync), it asks the LMS by
external id first and writes only when the LMS has no CCX or one behind ours (fewer seats, a module
missing). ``--all`` also checks the purchases our record calls in sync. Safe to run twice, or while
tasks run: each purchase is taken through its sync lease, and one somebody else holds is skipped.
"""
import time
from concurrent.futures import ThreadPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.db.models import F, Q
from tqdm import tqdm

from ecommerce_plugin.ccx_purchases import sync
from ecommerce_plugin.ccx_purchases.data import SyncState
from ecommerce_plugin.ccx_purchases.lms import CcxApi, LmsRejected, LmsUnavailable
from ecommerce_plugin.ccx_purchases.models import CcxPurchase
from ecommerce_plugin.command_arguments import positive_int

DRY_RUN = "would_sync"
UNAVAILABLE = "lms_unavailable"
REJECTED = "lms_rejected"


def candidate_ids(include_synced=False):
    """
    Ids of the purchases to look at: those our record does not call in sync with a CCX, or all.
    """
    purchases = CcxPurchase.objects.all()
    if not include_synced:
        purchases = purchases.exclude(
            Q(sync_state=SyncState.IN_SYNC) & Q(synced_version=F("version")) & ~Q(ccx_course_id="")
        )
    return list(purchases.order_by("id").values_list("id", flat=True))


class Command(BaseCommand):
    help = "Create or update the LMS CCX of paid purchases that have none or one behind ours."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Ask the LMS, change nothing, count what would be written."
        )
        parser.add_argument("--all", action="store_true", help="Also check purchases our record calls in sync.")
        parser.add_argument(
            "--workers", type=positive_int, default=4,
            help="Purchases groomed at once, at least 1 (LMS calls in flight).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (logs, cron).")

    def handle(self, *args, **options):
        ids = candidate_ids(include_synced=options["all"])
        started = time.monotonic()
        counts = {}
        groom = self._dry_run if options["dry_run"] else self._groom
        progress = tqdm(total=len(ids), desc="CCX purchases", unit="purchase", disable=options["no_progress"],
                        file=self.stderr._out)
        for outcome in self._outcomes(groom, ids, options["all"], options["workers"]):
            counts[outcome] = counts.get(outcome, 0) + 1
            progress.update(1)
        progress.close()
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{name}: {count}" for name, count in sorted(counts.items())) or "nothing to do"
        rate = len(ids) / elapsed if elapsed > 0 else 0.0
        prefix = "dry run, " if options["dry_run"] else ""
        self.stdout.write(f"groom_ccx_purchases: {prefix}{len(ids)} purchases checked in {elapsed:.1f}s "
                          f"({rate:.1f}/s); {summary}")
        not_groomed = counts.get(UNAVAILABLE, 0) + counts.get(REJECTED, 0)
        if not_groomed:
            raise CommandError(f"{not_groomed} purchases not groomed: the LMS was unavailable or refused.")

    def _outcomes(self, groom, ids, include_synced, workers):
        """
        One outcome per purchase; with ``workers`` > 1 that many purchases are groomed at once, each
        thread on its own database connection (the LMS round trips, not the database, are the wait).
        """
        if workers <= 1:
            yield from (groom(pid, include_synced) for pid in ids)
            return
        with ThreadPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(lambda pid: self._in_thread(groom, pid, include_synced), ids)

    @staticmethod
    def _in_thread(groom, purchase_id, include_synced):
        try:
            return groom(purchase_id, include_synced)
        finally:
            close_old_connections()

    @staticmethod
    def _groom(purchase_id, include_synced):
        try:
            return sync.sync_purchase(purchase_id, ask_first=True, force_check=include_synced, api=CcxApi())
        except LmsUnavailable:
            return UNAVAILABLE
        except LmsRejected:
            return REJECTED

    @staticmethod
    def _dry_run(purchase_id, include_synced):
        purchase = CcxPurchase.objects.select_related("course", "user").filter(id=purchase_id).first()
        if purchase is None:
            return sync.GONE
        try:
            ccx = CcxApi().find_by_external_id(purchase.external_id)
        except LmsUnavailable:
            return UNAVAILABLE
        except LmsRejected:
            return REJECTED
        if ccx is not None and ccx.has_at_least(purchase.seats, purchase.modules):
            return sync.ALREADY_IN_SYNC
        return DRY_RUN
