"""
``manage.py retry_fulfillment [ORDER_NUMBER ...] [--all-failed] [--list] [--stuck-open MINUTES] [--dry-run]``:
support's way to see the orders whose fulfillment failed and queue them again, and to queue the
orders still Open long after payment (their enqueue was lost with the broker).

Every run ends with a summary line; the exit status is non-zero when an order it was asked to
retry was not (unknown, or not in Fulfillment Error), and when the broker is unreachable (checked
before anything is reopened, so no order is left reopened with no task).
"""
from datetime import UTC, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q
from django.utils import timezone
from kombu.exceptions import OperationalError
from oscar.core.loading import get_model

from ecommerce_plugin.command_arguments import positive_int
from ecommerce_plugin.fulfillment import api, errors, tasks
from ecommerce_plugin.fulfillment.data import RetryResult
from ecommerce_plugin.fulfillment.status import LINE, ORDER

Order = get_model("order", "Order")

LIST_COLUMNS = "{number:<16} {placed:<20} {user:<24} {total:>12} {failed:>12}"


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


class Command(BaseCommand):
    help = "List orders whose fulfillment failed, or retry them (completed lines are never fulfilled again)."

    def add_arguments(self, parser):
        parser.add_argument("order_numbers", nargs="*", metavar="ORDER_NUMBER",
                            help="Order in Fulfillment Error to queue again.")
        parser.add_argument("--all-failed", action="store_true", help="Retry every order in Fulfillment Error.")
        parser.add_argument("--list", action="store_true",
                            help="Only list the orders in Fulfillment Error (changes nothing).")
        parser.add_argument(
            "--stuck-open", type=positive_int, metavar="MINUTES",
            help="Queue again every order still Open this many minutes (at least 1) after it was placed.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Say what would be queued; queue nothing.")

    def handle(self, *args, **options):
        numbers = list(dict.fromkeys(options["order_numbers"]))
        if options["list"]:
            if numbers or options["all_failed"] or options["stuck_open"] is not None:
                raise CommandError("--list only lists: give it no order numbers, --all-failed or --stuck-open.")
            self._list()
            return
        if not numbers and not options["all_failed"] and options["stuck_open"] is None:
            raise CommandError("Give order numbers, --all-failed, --stuck-open MINUTES or --list.")
        dry_run = options["dry_run"]
        if options["stuck_open"] is not None:
            self._stuck_open(options["stuck_open"], dry_run)
            if not numbers and not options["all_failed"]:
                return
        if options["all_failed"]:
            failed = api.failed_orders()
            if not failed and not numbers:
                self.stdout.write("retry_fulfillment: no orders in Fulfillment Error; nothing to retry.")
                return
            numbers.extend(number for number in failed if number not in numbers)
        if not dry_run:
            self._require_broker()
        results = self._preview(numbers) if dry_run else api.retry_fulfillment(numbers)
        refused = [result for result in results if result.error_code]
        for result in results:
            if result.error_code:
                self.stdout.write(f"{result.order_number}: not retried ({result.error_code})")
            else:
                self.stdout.write(f"{result.order_number}: {'would be queued' if dry_run else 'queued'}")
        queued = len(results) - len(refused)
        self.stdout.write(
            f"retry_fulfillment: {'dry run, ' if dry_run else ''}{plural(queued, 'order')} "
            f"{'would be queued' if dry_run else 'queued'}, {len(refused)} not retried."
        )
        if refused:
            raise CommandError(f"Not retried: {', '.join(result.order_number for result in refused)}.")

    @staticmethod
    def _require_broker():
        problem = tasks.broker_unreachable()
        if problem:
            raise CommandError(
                f"retry_fulfillment: the broker is unreachable ({problem}); nothing was reopened or queued."
            )

    def _list(self):
        orders = (
            Order.objects.filter(number__in=api.failed_orders())
            .select_related("user")
            .annotate(failed_lines=Count("lines", filter=Q(lines__status__in=LINE.ERRORS)))
            .order_by("date_placed")
        )
        if not orders:
            self.stdout.write("retry_fulfillment: no orders in Fulfillment Error.")
            return
        self.stdout.write(LIST_COLUMNS.format(number="order", placed="placed (UTC)", user="user", total="total",
                                              failed="failed lines"))
        for order in orders:
            self.stdout.write(LIST_COLUMNS.format(
                number=order.number,
                placed=order.date_placed.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
                user=order.user.username if order.user else "-",
                total=f"{order.total_incl_tax} {order.currency}",
                failed=order.failed_lines,
            ))
        self.stdout.write(f"retry_fulfillment: {plural(len(orders), 'order')} in Fulfillment Error.")

    def _stuck_open(self, minutes, dry_run):
        placed_before = timezone.now() - timedelta(minutes=minutes)
        if not dry_run and api.stuck_open_orders(placed_before):
            self._require_broker()
        try:
            numbers = api.stuck_open_orders(placed_before) if dry_run else api.requeue_stuck_orders(placed_before)
        except OperationalError as error:
            raise CommandError(
                f"The broker refused the fulfillment task ({error}); nothing more was queued."
            ) from error
        for number in numbers:
            self.stdout.write(f"{number}: {'would be queued' if dry_run else 'queued'} (stuck Open)")
        if numbers:
            verb = "would be queued again" if dry_run else "queued again"
            self.stdout.write(f"retry_fulfillment: {plural(len(numbers), 'order')} stuck Open for more than "
                              f"{plural(minutes, 'minute')} {verb}.")
        else:
            self.stdout.write(f"retry_fulfillment: no order stuck Open for more than {plural(minutes, 'minute')}.")

    @staticmethod
    def _preview(numbers):
        """
        What ``api.retry_fulfillment`` would answer, without reopening or queueing anything.
        """
        statuses = dict(Order.objects.filter(number__in=numbers).values_list("number", "status"))
        results = []
        for number in numbers:
            if number not in statuses:
                results.append(RetryResult(number, errors.ORDER_NOT_FOUND))
            elif statuses[number] != ORDER.FULFILLMENT_ERROR:
                results.append(RetryResult(number, errors.ORDER_NOT_IN_ERROR))
            else:
                results.append(RetryResult(number))
        return results
