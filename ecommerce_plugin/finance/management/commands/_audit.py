"""
Shared body of the audit commands: run an audit, write CSV to stdout or ``--output``.

The rows come from ``reports.AUDITS[...].run``, as the report pages' and the API's do, so a
command and a page never disagree; the CSV is the API's CSV download.

The CSV always has its header row, even with no course; the summary line goes to stderr when the
CSV goes to stdout (so a redirect stays a clean file) and to stdout when it goes to a file.
"""
import os

from django.core.management.base import BaseCommand, CommandError

from ecommerce_plugin.command_arguments import calendar_date, course_key
from ecommerce_plugin.finance import api, reports
from ecommerce_plugin.finance.data import DateRange


class AuditCommand(BaseCommand):
    audit = None

    def add_arguments(self, parser):
        parser.add_argument(
            "--course", action="append", dest="courses", type=course_key, metavar="KEY",
            help="Course run key to audit (repeatable); default: every course the shop sells seats of.",
        )
        parser.add_argument("--output", metavar="FILE", help="CSV file to write (replaced); default: stdout.")
        if reports.AUDITS[self.audit].takes_period:
            parser.add_argument(
                "--since", type=calendar_date, metavar="YYYY-MM-DD",
                help="Only orders placed, codes made and invoices issued on or after this day.",
            )
            parser.add_argument(
                "--until", type=calendar_date, metavar="YYYY-MM-DD",
                help="Only orders placed, codes made and invoices issued on or before this day.",
            )

    def handle(self, *args, **options):
        courses, output = options["courses"], options["output"]
        period = DateRange(options.get("since"), options.get("until"))
        if period.since and period.until and period.since > period.until:
            raise CommandError(f"--until {period.until} is before --since {period.since}.")
        if output:
            directory = os.path.dirname(os.path.abspath(output))
            if not os.path.isdir(directory):
                raise CommandError(f"--output {output}: directory {directory} does not exist.")
        if courses:
            unknown = sorted(set(courses) - set(api.seat_course_keys()))
            if unknown:
                raise CommandError(f"The shop sells no seats of {', '.join(unknown)}: nothing to audit.")
        audit = reports.AUDITS[self.audit]
        rows = audit.run(courses or None, period=period)
        body = reports.as_csv(rows, audit.row_type)
        if output:
            try:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    out.write(body)
            except OSError as error:
                raise CommandError(f"--output {output}: {error.strerror}.") from error
            self.stdout.write(f"{self._summary(rows)} to {output}.")
        else:
            self.stdout.write(body, ending="")
            self.stderr.write(f"{self._summary(rows)} to stdout.")

    def _summary(self, rows):
        if not rows:
            return f"{self.audit} audit: no course (the shop sells no seats) written"
        courses = f"{len(rows)} course{'' if len(rows) == 1 else 's'}"
        never = sum(1 for row in rows if getattr(row, "synced_at", False) is None)
        if never:
            courses += f" ({never} never synced from the LMS: run sync_course_facts)"
        return f"{self.audit} audit: {courses} written"
