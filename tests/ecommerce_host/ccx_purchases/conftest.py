"""
Fixtures of the CCX purchase tests: a CCX course of six modules, buyers, and a paid purchase.
"""
from decimal import Decimal

import pytest

from ecommerce_plugin.ccx_purchases import api
from ecommerce_plugin.checkout import api as checkout_api
from ecommerce_plugin.checkout import steps
from support import gateway

MASTER = "course-v1:edX+CCX101+2026"
CARD = "4111111111111111"
DECLINED_CARD = "4000000000000002"


def module(n):
    return f"block-v1:edX+CCX101+2026+type@chapter+block@module_{n}"


# Module n costs n dollars per seat, so every total tells which modules it counted.
PRICES = {module(n): Decimal(f"{n}.00") for n in range(1, 7)}


@pytest.fixture(autouse=True)
def _fresh_steps():
    steps._load.cache_clear()
    yield
    steps._load.cache_clear()


@pytest.fixture
def ccx_course(partner):
    return api.create_or_update_ccx_course(
        partner=partner,
        master_course_key=MASTER,
        title="Commerce for Custom Courses 101",
        modules=[(key, f"Module {n}", price) for n, (key, price) in enumerate(PRICES.items(), start=1)],
    )


@pytest.fixture
def coach(make_user):
    return make_user("coach")


def pay(user, basket_id, card=CARD):
    return checkout_api.place_order(user, basket_id, {"card_number": card})


def buy(user, modules, seats, display_name="Fall term"):
    added = api.add_purchase_to_basket(user, MASTER, modules, seats, display_name=display_name)
    pay(user, added.basket_id)
    return api.purchases_for(user, MASTER)[-1]


def upgrade(user, purchase, modules, seats):
    added = api.add_upgrade_to_basket(user, purchase.external_id, modules, seats)
    pay(user, added.basket_id)
    return api.purchase_for(user, purchase.external_id)


@pytest.fixture
def purchase(coach, ccx_course):
    """A paid purchase: modules 1 and 2 for 10 seats ($30)."""
    return buy(coach, [module(1), module(2)], 10)


def charges():
    return gateway.charges()


def charged_amounts():
    return [str(gateway.amount(charge)) for charge in gateway.charges()]
