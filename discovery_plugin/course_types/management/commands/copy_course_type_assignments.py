"""
``manage.py copy_course_type_assignments [--dry-run]``: move the plugin's former type assignments onto upstream's.
"""
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from discovery_plugin.course_types import legacy


class Command(BaseCommand):
    help = (
        "Copy each course and run type assignment of the plugin's former tables onto course-discovery's "
        "Course.type / CourseRun.type (matched by slug), where upstream's is unset or Empty. Conflicts (upstream "
        "has another type) keep upstream's and are reported, as are slugs upstream has no type for. Run it "
        "before the migration that removes those tables."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be copied; write nothing.")

    def handle(self, *args, **options):
        with transaction.atomic():
            outcomes = legacy.plan(connection) if options["dry_run"] else legacy.copy(connection)
        counts = {}
        for outcome in outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            if outcome.status in ("conflict", "missing_type", "copy", "copied"):
                self.stdout.write(
                    f"{outcome.status}\t{outcome.kind} {outcome.key}\tplugin: {outcome.old_slug}\t"
                    f"upstream: {outcome.upstream_slug or '-'}"
                )
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no former assignments"
        self.stdout.write(f"Done: {summary}.")
