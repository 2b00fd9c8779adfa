"""
``manage.py retry_fulfillment [ORDER_NUMBER ...] [--all-failed] [--list]``: support's way to
see the orders whose fulfillment failed and queue them again.
"""
from django.core.management.base import BaseCommand, CommandError

from ecommerce_plugin.fulfillment import api


class Command(BaseCommand):
    help = "List orders whose fulfillment failed, or retry them (completed lines are never fulfilled again)."

    def add_arguments(self, parser):
        parser.add_argument("order_numbers", nargs="*")
        parser.add_argument("--all-failed", action="store_true", help="Retry every order in Fulfillment Error.")
        parser.add_argument("--list", action="store_true", help="Only list the orders in Fulfillment Error.")

    def handle(self, *args, **options):
        if options["list"]:
            for number in api.failed_orders():
                self.stdout.write(number)
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
