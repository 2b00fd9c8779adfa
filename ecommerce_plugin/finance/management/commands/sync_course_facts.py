"""
``./manage.py sync_course_facts [--course KEY]...``: ask the LMS about each course the shop sells
(enrollment window, capacity, counts, staff) before an audit or on a schedule.
"""
from django.core.management.base import BaseCommand

from ecommerce_plugin.finance import api


class Command(BaseCommand):
    help = "Refresh the shop's copy of each course's enrollment facts and staff from the LMS."

    def add_arguments(self, parser):
        parser.add_argument("--course", action="append", dest="courses")

    def handle(self, *args, **options):
        for course_key in options["courses"] or api.seat_course_keys():
            facts = api.sync_course_facts(course_key)
            self.stdout.write(f"{course_key}: {'synced' if facts else 'unknown to the LMS'}")
