"""
``manage.py retry_fulfillment [ORDER_NUMBER ...] [--all-failed] [--list] [--stuck-open MINUTES]``:
support's way to see the orders whose fulfillment failed and queue them again, and to queue the
orders still Open long after payment (their enqueue was lost with the broker).
"""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ecommerce_plugin.fulfillment import api


class Command(BaseCommand):
    help = "List orders whose fulfillment failed, or retry them (completed lines are never fulfilled again)."

    def add_arguments(self, parser):
        parser.add_argument("order_numbers", nargs="*")
        parser.add_argument("--all-failed", action="store_true", help="Retry every order in Fulfillment Error.")
        parser.add_argument("--list", action="store_true", help="Only list the orders in Fulfillment Error.")
        parser.add_argument(
            "--stuck-open", type=int, metavar="MINUTES",
            help="Queue again every order still Open this many minutes after it was placed.",
        )

    def handle(self, *args, **options):
        if options["list"]:
            for number in api.failed_orders():
                self.stdout.write(number)
            return
        if options["stuck_open"] is not None:
            if options["stuck_open"] < 1:
                raise CommandError("--stuck-open takes a number of minutes of at least 1.")
            placed_before = timezone.now() - timedelta(minutes=options["stuck_open"])
            for number in api.requeue_stuck_orders(placed_before):
                self.stdout.write(f"{number}: queued (stuck Open)")
            if not options["order_numbers"] and not options["all_failed"]:
                return
        numbers = list(options["order_numbers"])
        if options["all_failed"]:
            numbers.extend(api.failed_orders())
        if not numbers:
            raise CommandError("Give order numbers, --all-failed or --list.")
        failures = 0
        for result in api.retry_fulfillment(numbers):
            if result.error_code:
                failures += 1
                self.stdout.write(f"{result.order_number}: not retried ({result.error_code})")
            else:
                self.stdout.write(f"{result.order_number}: queued")
        if failures and failures == len(numbers):
            raise CommandError("No order was retried.")
