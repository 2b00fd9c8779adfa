"""
``manage.py lms stale_pending_enrollments [--older-than SECONDS]``: pending enrollments that have
waited longer than the limit (their order's fulfillment is late or failed), oldest first, as
tab-separated rows under a header, then a summary line (also when there are none).
"""
import argparse
from datetime import timedelta

from django.core.management.base import BaseCommand

from lms_plugin.pending_enrollments import api

HEADER = "created\tusername\tcourse_id\tmode\torder\tfailed_at"


def seconds(value):
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of seconds") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1 second")
    return number


class Command(BaseCommand):
    help = "List pending enrollments older than COMMERCE_PENDING_ENROLLMENT_STALE_AFTER (or --older-than)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=seconds, default=None, metavar="SECONDS",
            help="Age in seconds (at least 1) past which an entry is stale; default: the setting.",
        )

    def handle(self, *args, **options):
        older_than = timedelta(seconds=options["older_than"]) if options["older_than"] is not None else None
        stale = api.stale_pending(older_than)
        if not stale:
            self.stdout.write("stale_pending_enrollments: no stale pending enrollments.")
            return
        self.stdout.write(HEADER)
        for status in stale:
            self.stdout.write(
                f"{status.created.isoformat()}\t{status.username}\t{status.course_id}\t{status.mode}\t"
                f"{status.order_number or '-'}\t{status.failed_at.isoformat() if status.failed_at else '-'}"
            )
        self.stdout.write(f"stale_pending_enrollments: {len(stale)} stale pending enrollment(s).")
