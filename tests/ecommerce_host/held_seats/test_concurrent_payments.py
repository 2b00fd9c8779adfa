"""
Two payments for one seat by one learner at the same instant: one charge, the other refused.

Real row locks need a real database: MariaDB in the services pass. Each thread pays its own basket
(two tabs) on its own connection; both pass the held-seat check only if the learner lock fails.
"""
import threading

import pytest
from django.db import connection
from ecommerce_host.held_seats.support import CARD, basket_holding, charges

from ecommerce_plugin.checkout import api as checkout_api
from ecommerce_plugin.checkout.errors import CheckoutRefused


@pytest.mark.mariadb
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_payments_for_one_seat_charge_once(learner, seat, monkeypatch):
    monkeypatch.setattr("ecommerce_plugin.fulfillment.tasks.enqueue", lambda *args, **kwargs: None)  # no LMS here
    baskets = [basket_holding(learner, seat).id, basket_holding(learner, seat).id]
    start = threading.Barrier(2)
    outcomes = {}

    def pay(basket_id):
        try:
            start.wait(timeout=10)
            checkout_api.place_order(learner, basket_id, {"card_number": CARD})
            outcomes[basket_id] = "paid"
        except CheckoutRefused as exc:
            outcomes[basket_id] = exc.error_code
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(basket_id,)) for basket_id in baskets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(outcomes.values()) == ["paid", "seat_already_paid"], outcomes
    assert len(charges()) == 1
