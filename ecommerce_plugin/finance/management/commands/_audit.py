"""
Shared body of the audit commands: run an audit, write CSV to stdout or ``--output``.

The CSV always has its header row, even with no course; the summary line goes to stderr when the
CSV goes to stdout (so a redirect stays a clean file) and to stdout when it goes to a file.
"""
import os

from django.core.management.base import BaseCommand, CommandError

from ecommerce_plugin.command_arguments import course_key
from ecommerce_plugin.finance import api, reports
from ecommerce_plugin.finance.data import EnrollmentAuditRow, PaymentAuditRow, SeatsSoldRow

ROW_TYPES = {"enrollments": EnrollmentAuditRow, "payments": PaymentAuditRow, "seats-sold": SeatsSoldRow}


class AuditCommand(BaseCommand):
    audit = None

    def add_arguments(self, parser):
        parser.add_argument(
            "--course", action="append", dest="courses", type=course_key, metavar="KEY",
            help="Course run key to audit (repeatable); default: every course the shop sells seats of.",
        )
        parser.add_argument("--output", metavar="FILE", help="CSV file to write (replaced); default: stdout.")

    def handle(self, *args, **options):
        courses, output = options["courses"], options["output"]
        if output:
            directory = os.path.dirname(os.path.abspath(output))
            if not os.path.isdir(directory):
                raise CommandError(f"--output {output}: directory {directory} does not exist.")
        if courses:
            unknown = sorted(set(courses) - set(api.seat_course_keys()))
            if unknown:
                raise CommandError(f"The shop sells no seats of {', '.join(unknown)}: nothing to audit.")
        function, _title = reports.AUDITS[self.audit]
        rows = function(courses or None)
        body = reports.as_csv(rows, ROW_TYPES[self.audit])
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
        return f"{self.audit} audit: {courses} written"
