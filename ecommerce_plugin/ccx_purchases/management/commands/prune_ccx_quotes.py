"""
Deletes the quote products of CCX baskets nobody paid for.

Every CCX basket line has its own hidden quote product (ADR 0005); replaced upgrade lines and
abandoned baskets leave them behind. Run it daily; it never touches a product on an order or in
a basket being paid.
"""
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from ecommerce_plugin.ccx_purchases import api
from ecommerce_plugin.command_arguments import positive_int


class Command(BaseCommand):
    help = "Delete CCX quote products abandoned for more than --days days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=positive_int, default=30, metavar="DAYS",
            help="Age in days (at least 1: a younger quote may still be paid for) after which an unpaid quote is "
                 "abandoned; default 30.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count them, delete nothing.")

    def handle(self, *args, **options):
        older_than = timezone.now() - timedelta(days=options["days"])
        if options["dry_run"]:
            count = api.abandoned_quote_products(older_than).count()
            self.stdout.write(f"prune_ccx_quotes: dry run, {count} abandoned quote products would be deleted.")
            return
        deleted = api.prune_quote_products(older_than)
        self.stdout.write(f"prune_ccx_quotes: deleted {deleted} abandoned quote products.")
