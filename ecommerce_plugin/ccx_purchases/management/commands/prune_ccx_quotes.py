"""
Deletes the quote products of CCX baskets nobody paid for.

Every CCX basket line has its own hidden quote product (ADR 0005); replaced upgrade lines and
abandoned baskets leave them behind. Run it daily; it never touches a product on an order or in
a basket being paid.
"""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ecommerce_plugin.ccx_purchases import api


class Command(BaseCommand):
    help = "Delete CCX quote products abandoned for more than --days days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=30, help="Age in days (at least 1) after which an unpaid quote is abandoned."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count them, delete nothing.")

    def handle(self, *args, **options):
        if options["days"] < 1:
            raise CommandError("--days must be at least 1: a quote younger than a day may still be paid for.")
        older_than = timezone.now() - timedelta(days=options["days"])
        if options["dry_run"]:
            count = api.abandoned_quote_products(older_than).count()
            self.stdout.write(f"{count} abandoned quote products would be deleted.")
            return
        self.stdout.write(f"Deleted {api.prune_quote_products(older_than)} abandoned quote products.")
