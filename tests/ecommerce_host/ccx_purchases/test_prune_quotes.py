"""
Abandoned quote products are deleted; paid and live ones stay.
"""
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from oscar.core.loading import get_model

from ecommerce_plugin.ccx_purchases import api
from ecommerce_plugin.ccx_purchases.data import QUOTE_SKU_PREFIX

from .conftest import MASTER, module

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")


def quote_products():
    return Product.objects.filter(stockrecords__partner_sku__startswith=QUOTE_SKU_PREFIX)


def age_everything(days):
    past = timezone.now() - timedelta(days=days)
    Product.objects.update(date_created=past)
    Basket.objects.update(date_created=past)


def test_only_abandoned_quotes_are_pruned(coach, make_user, purchase):
    # A replaced upgrade line leaves its quote product with no basket.
    api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2), module(3)], 10)
    api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2), module(4)], 10)
    # Another teacher's basket, open and forgotten.
    api.add_purchase_to_basket(make_user("teacher"), MASTER, [module(5)], 3)
    age_everything(days=40)
    paid = set(quote_products().filter(line__isnull=False).values_list("id", flat=True))
    assert len(paid) == 1 and quote_products().count() == 4

    out = StringIO()
    call_command("prune_ccx_quotes", "--days", "30", stdout=out)

    assert out.getvalue().strip() == "prune_ccx_quotes: deleted 3 abandoned quote products."
    assert set(quote_products().values_list("id", flat=True)) == paid


def test_recent_quotes_and_dry_runs_delete_nothing(coach, purchase):
    api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2), module(3)], 10)
    out = StringIO()
    call_command("prune_ccx_quotes", "--days", "30", stdout=out)
    age_everything(days=40)
    call_command("prune_ccx_quotes", "--days", "30", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [
        "prune_ccx_quotes: deleted 0 abandoned quote products.",
        "prune_ccx_quotes: dry run, 1 abandoned quote products would be deleted.",
    ]
    assert quote_products().count() == 2


@pytest.mark.parametrize("days", ["0", "-1", "month"])
def test_a_window_that_is_not_a_positive_number_of_days_is_refused(db, days):
    with pytest.raises(CommandError, match=f"argument --days: '{days}' (must be at least 1|is not a whole number)"):
        call_command("prune_ccx_quotes", "--days", days)
