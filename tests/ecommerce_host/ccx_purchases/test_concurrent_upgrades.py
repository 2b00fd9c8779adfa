"""
Two upgrades of one purchase paid at the same moment: one wins, the other is refused, one charge.

Real row locks need a real database: MariaDB in the services pass. Each thread pays its own basket
on its own connection; both pass the quote check in the same instant only if the lock fails.
"""
import threading

import pytest
from django.db import connection
from oscar.core.loading import get_model

from ecommerce_plugin.ccx_purchases import api, tasks
from ecommerce_plugin.checkout.errors import CheckoutRefused

from .conftest import buy, charges, module, pay

Basket = get_model("basket", "Basket")


@pytest.mark.mariadb
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_upgrades_of_one_purchase_one_wins(monkeypatch, coach, ccx_course):
    monkeypatch.setattr(tasks.sync_ccx_purchase, "delay", lambda *args, **kwargs: None)  # no LMS here
    bought = buy(coach, [module(1), module(2)], 10)
    first = api.add_upgrade_to_basket(coach, bought.external_id, [module(1), module(2), module(3)], 10)
    Basket.objects.filter(id=first.basket_id).update(status=Basket.SAVED)  # a second tab gets its own basket
    second = api.add_upgrade_to_basket(coach, bought.external_id, [module(1), module(2)], 40)
    Basket.objects.filter(id=first.basket_id).update(status=Basket.OPEN)
    assert first.basket_id != second.basket_id

    start = threading.Barrier(2)
    outcomes = {}

    def pay_in_thread(basket_id):
        try:
            start.wait()
            pay(coach, basket_id)
            outcomes[basket_id] = "paid"
        except CheckoutRefused as exc:
            outcomes[basket_id] = exc.error_code
        finally:
            connection.close()

    threads = [threading.Thread(target=pay_in_thread, args=(b,)) for b in (first.basket_id, second.basket_id)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    winner, loser = sorted(outcomes.values(), key=lambda outcome: outcome != "paid")
    assert winner == "paid"
    assert loser in ("quote_stale", "upgrade_in_progress")
    assert len(charges()) == 2  # the first purchase and the winning upgrade
    stored = api.purchase_for(coach, bought.external_id)
    assert stored.version == 2 and stored.amount_paid in (60, 120)
