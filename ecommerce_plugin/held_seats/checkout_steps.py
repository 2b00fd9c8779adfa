"""
The held-seats checkout step: no payment for a seat the learner holds or has paid for already.
"""
from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.checkout.steps import CheckoutStep
from ecommerce_plugin.held_seats import api


class HeldSeatStep(CheckoutStep):
    """
    Runs with the basket locked, before anything is reserved or charged. Locks the learner too,
    so two payments of one learner are checked one after the other: the first, once frozen,
    counts as paid for the second. Reads only the shop's database (no LMS call while the
    learner waits). Lines bought in quantity (registration codes) are not the buyer's seat.

    Not on Otto: Otto refuses a seat the learner ordered itself (``UserAlreadyPlacedOrder`` in its
    ``/basket/add/`` and payment flow), and the plugin does not refuse on other grounds there.
    """

    runs_on_otto = False

    def prepare(self, basket, context):
        seats = [seat_for_product(line.product) for line in basket.all_lines() if line.quantity == 1 and line.product]
        seats = [seat for seat in seats if seat is not None]
        if not seats:
            return
        api.lock_learner(context.user)
        for seat in seats:
            api.refuse_if_held(context.user, seat, exclude_basket_id=basket.id)
