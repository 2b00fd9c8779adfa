"""
Give every course and run without a type the type its seats and entitlements imply.
"""
from django.core.management.base import BaseCommand
from tqdm import tqdm

from discovery_plugin.course_types import api
from discovery_plugin.course_types.backfill import ALREADY_TYPED, MATCHED, UNMATCHED


class Command(BaseCommand):
    help = (
        "Infer course types and course run types from existing seats and entitlements; "
        "report the courses that match no type. Existing types are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be set; write nothing.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]

        def progress(iterable, total):
            return tqdm(
                iterable, total=total, desc="courses", unit="course", file=self.stderr,
                disable=options["no_progress"],
            )

        counts = {MATCHED: 0, ALREADY_TYPED: 0, UNMATCHED: 0}
        unmatched = []
        for outcome in api.backfill_course_types(dry_run=dry_run, progress=progress):
            counts[outcome.status] += 1
            if outcome.status == MATCHED:
                runs = ", ".join(f"{key} -> {slug}" for key, slug in outcome.course_run_types)
                verb = "would set" if dry_run else "set"
                line = f"{verb} {outcome.course_key} -> {outcome.course_type}"
                self.stdout.write(line + (f"; {runs}" if runs else ""))
            elif outcome.status == UNMATCHED:
                unmatched.append(outcome)

        for outcome in unmatched:
            self.stdout.write(f"UNMATCHED {outcome.course_key}: {outcome.reason}")
        prefix = "dry run: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{counts[MATCHED]} matched, {counts[ALREADY_TYPED]} already typed, "
            f"{counts[UNMATCHED]} unmatched"
        )
