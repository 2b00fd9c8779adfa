"""
Shared body of the audit commands: run an audit, write CSV to stdout or ``--output``.
"""
from django.core.management.base import BaseCommand

from ecommerce_plugin.finance import reports


class AuditCommand(BaseCommand):
    audit = None

    def add_arguments(self, parser):
        parser.add_argument("--course", action="append", dest="courses", help="Course key (repeatable); default all.")
        parser.add_argument("--output", help="CSV file to write; default stdout.")

    def handle(self, *args, **options):
        function, _title = reports.AUDITS[self.audit]
        rows = function(options["courses"] or None)
        body = reports.as_csv(rows, type(rows[0])) if rows else ""
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as out:
                out.write(body)
        else:
            self.stdout.write(body, ending="")
