"""
The price formula and the rules of a configuration and of an upgrade, without a basket.
"""
from decimal import Decimal

import pytest

from ecommerce_plugin.ccx_purchases import pricing, rules
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused

PRICES = {"m1": Decimal("1.00"), "m2": Decimal("2.50"), "m3": Decimal("3.00")}
COURSE = list(PRICES)


def refused_code(call, *args):
    with pytest.raises(CcxPurchaseRefused) as refused:
        call(*args)
    return refused.value.error_code


def test_total_is_seats_times_the_sum_of_module_prices():
    assert pricing.configuration_total(PRICES, ["m1", "m2"], 10) == Decimal("35.00")


def test_amount_due_is_the_new_total_minus_what_was_paid():
    assert pricing.amount_due(Decimal("65.00"), Decimal("35.00")) == Decimal("30.00")


def test_amount_due_is_never_negative():
    # Prices fell since the first purchase: the upgrade is free, never a refund.
    assert pricing.amount_due(Decimal("20.00"), Decimal("35.00")) == Decimal("0.00")


def test_configuration_comes_back_in_course_order():
    assert rules.normalized_configuration(COURSE, ["m3", "m1"], 5, 100) == ("m1", "m3")


@pytest.mark.parametrize(
    ("modules", "seats", "code"),
    [
        ([], 5, "no_modules"),
        (["m1", "m1"], 5, "duplicate_module"),
        (["m1", "nope"], 5, "unknown_module"),
        (["m1"], 0, "invalid_seats"),
        (["m1"], 101, "invalid_seats"),
        (["m1"], True, "invalid_seats"),
    ],
)
def test_bad_configurations_are_refused_with_a_code(modules, seats, code):
    assert refused_code(rules.normalized_configuration, COURSE, modules, seats, 100) == code


def test_an_upgrade_cannot_lower_seats():
    assert refused_code(rules.check_upgrade, ["m1"], 10, ["m1", "m2"], 9) == "seats_decreased"


def test_an_upgrade_cannot_remove_modules():
    assert refused_code(rules.check_upgrade, ["m1", "m2"], 10, ["m1", "m3"], 20) == "modules_removed"


def test_an_upgrade_must_add_something():
    assert refused_code(rules.check_upgrade, ["m1", "m2"], 10, ["m2", "m1"], 10) == "no_increase"


def test_adding_seats_only_or_modules_only_are_upgrades():
    rules.check_upgrade(["m1"], 10, ["m1"], 11)
    rules.check_upgrade(["m1"], 10, ["m1", "m2"], 10)
