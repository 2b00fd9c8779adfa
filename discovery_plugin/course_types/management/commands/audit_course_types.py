"""
``manage.py audit_course_types [--fix]``: list upstream's type rows and runs that break the rules.
"""
from django.core.management.base import BaseCommand, CommandError

from discovery_plugin.course_types.audit import audit


class Command(BaseCommand):
    help = (
        "List course-discovery's course types, run types and runs that break the course type rules. "
        "With --fix, apply the fixes that are unambiguous (in one transaction). Exit status 1 when a finding "
        "remains unfixed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix", action="store_true", help="Apply the unambiguous fixes (one transaction); list the rest."
        )

    def handle(self, *args, **options):
        findings = audit(fix=options["fix"])
        unfixed = 0
        for finding in findings:
            if finding.fix:
                done = "fixed" if options["fix"] else "fix"
                self.stdout.write(f"{finding.code}\t{finding.subject}\t{finding.message}\t[{done}: {finding.fix}]")
            else:
                unfixed += 1
                self.stdout.write(f"{finding.code}\t{finding.subject}\t{finding.message}")
        if not options["fix"]:
            unfixed = len(findings)
        state = "left" if options["fix"] else "to review"
        self.stdout.write(f"audit_course_types: {len(findings)} findings, {unfixed} {state}.")
        if unfixed:
            raise CommandError(f"{unfixed} course type findings {state}.")
