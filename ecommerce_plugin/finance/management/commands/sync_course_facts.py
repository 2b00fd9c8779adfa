"""
``./manage.py sync_course_facts [--course KEY]... [--dry-run]``: ask the LMS about each course the
shop sells (enrollment window, capacity, counts, staff) before an audit or on a schedule.

One line per course, then a summary; the exit status is non-zero when a course could not be
synced (unknown to the LMS, or the LMS did not answer), after the others were.
"""
import requests
from django.core.management.base import BaseCommand, CommandError

from ecommerce_plugin.command_arguments import course_key
from ecommerce_plugin.finance import api


class Command(BaseCommand):
    help = "Refresh the shop's copy of each course's enrollment facts and staff from the LMS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--course", action="append", dest="courses", type=course_key, metavar="KEY",
            help="Course run key to sync (repeatable); default: every course the shop sells seats of.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Ask the LMS and report; store nothing.")

    def handle(self, *args, **options):
        courses = options["courses"] or api.seat_course_keys()
        if not courses:
            self.stdout.write("sync_course_facts: the shop sells no seats; nothing to sync.")
            return
        fetch = api.fetch_course_facts if options["dry_run"] else api.sync_course_facts
        synced, problems = 0, []
        for key in dict.fromkeys(courses):
            try:
                facts = fetch(key)
            except requests.RequestException as error:
                problems.append(key)
                self.stdout.write(f"{key}: failed, the LMS did not answer ({type(error).__name__}: {error})")
                continue
            if facts is None:
                problems.append(key)
                self.stdout.write(f"{key}: unknown to the LMS")
            else:
                synced += 1
                self.stdout.write(f"{key}: {'would be synced' if options['dry_run'] else 'synced'}")
        verb = "would be synced" if options["dry_run"] else "synced"
        self.stdout.write(f"sync_course_facts: {synced} {verb}, {len(problems)} not.")
        if problems:
            raise CommandError(f"Not synced: {', '.join(problems)}.")
