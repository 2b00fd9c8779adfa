"""
``manage.py copy_course_type_assignments [--dry-run]``: move the plugin's former type assignments onto upstream's.

One line per assignment that is copied, conflicts or cannot be copied, then a summary line. The
exit status is non-zero when an assignment names a type slug upstream has none of (its course
keeps upstream's type; create the type, or assign one by hand, and run the command again).
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from discovery_plugin.course_types import legacy

REPORTED = ("conflict", "missing_type", "copy", "copied")


class Command(BaseCommand):
    help = (
        "Copy each course and run type assignment of the plugin's former tables onto course-discovery's "
        "Course.type / CourseRun.type (matched by slug), where upstream's is unset or Empty. Conflicts (upstream "
        "has another type) keep upstream's and are reported; slugs upstream has no type for are reported and "
        "make the run fail (exit status 1) after the others are copied. Run it before the migration that removes "
        "those tables."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be copied; write nothing.")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        with transaction.atomic():
            outcomes = legacy.plan(connection) if dry_run else legacy.copy(connection)
        counts = {}
        for outcome in outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            if outcome.status in REPORTED:
                self.stdout.write(
                    f"{outcome.status}\t{outcome.kind} {outcome.key}\tplugin: {outcome.old_slug}\t"
                    f"upstream: {outcome.upstream_slug or '-'}"
                )
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no former assignments"
        self.stdout.write(f"copy_course_type_assignments: {'dry run, ' if dry_run else ''}{summary}.")
        missing = sorted({outcome.old_slug for outcome in outcomes if outcome.status == "missing_type"})
        if missing:
            raise CommandError(
                f"Not copied: course-discovery has no type with the slug {', '.join(missing)} "
                f"({counts['missing_type']} assignments)."
            )
