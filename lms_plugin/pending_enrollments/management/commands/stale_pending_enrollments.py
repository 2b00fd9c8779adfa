"""
``manage.py lms stale_pending_enrollments [--older-than SECONDS]``: pending enrollments that have
waited longer than the limit (their order's fulfillment is late or failed), oldest first.
"""
from datetime import timedelta

from django.core.management.base import BaseCommand

from lms_plugin.pending_enrollments import api


class Command(BaseCommand):
    help = "List pending enrollments older than COMMERCE_PENDING_ENROLLMENT_STALE_AFTER (or --older-than)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=None, help="Seconds (default: the setting).")

    def handle(self, *args, **options):
        older_than = timedelta(seconds=options["older_than"]) if options["older_than"] is not None else None
        stale = api.stale_pending(older_than)
        for status in stale:
            self.stdout.write(
                f"{status.created.isoformat()}\t{status.username}\t{status.course_id}\t{status.mode}\t"
                f"order {status.order_number or '-'}"
            )
        self.stderr.write(f"{len(stale)} stale pending enrollment(s)")
