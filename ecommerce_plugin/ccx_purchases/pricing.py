"""
The CCX price formula, in one place (docs/decisions/0005-ccx-purchases-and-upgrades.rst):

    total(modules, seats) = seats x sum(price_per_seat(m) for m in modules)    at today's prices
    amount_due            = max(0, total(new configuration) - amount_paid)

``amount_paid`` is what the purchase has been credited with so far (the sum of the quotes it
paid), so an upgrade charges the new configuration minus what was paid, never a refund.
"""
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def configuration_total(prices_per_seat, modules, seats):
    """
    ``prices_per_seat``: usage key -> price per seat; every key in ``modules`` must be in it.
    """
    per_seat = sum((prices_per_seat[module] for module in modules), ZERO)
    return (per_seat * seats).quantize(CENT, rounding=ROUND_HALF_UP)


def amount_due(total, amount_paid):
    return max(ZERO, (total - amount_paid).quantize(CENT, rounding=ROUND_HALF_UP))
