"""
Buying and upgrading through the Oscar basket: the server's price, and its re-validation at payment.
"""
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from ecommerce_plugin.ccx_purchases import api
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused
from ecommerce_plugin.ccx_purchases.models import CcxCourseModule, CcxPurchase, CcxPurchaseChange
from ecommerce_plugin.checkout.errors import CheckoutRefused

from .conftest import DECLINED_CARD, MASTER, buy, charged_amounts, charges, module, pay, upgrade

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
StockRecord = get_model("partner", "StockRecord")


def refusal(call, *args, **kwargs):
    with pytest.raises(CheckoutRefused) as refused:
        call(*args, **kwargs)
    return refused.value.error_code


def test_a_first_purchase_line_is_priced_by_the_server_and_shown_on_the_basket(coach, ccx_course):
    added = api.add_purchase_to_basket(coach, MASTER, [module(2), module(1)], 10)
    assert added.quote.amount_due == Decimal("30.00")  # 10 seats x ($1 + $2)
    basket = api_basket(added.basket_id, coach)
    line = basket.all_lines()[0]
    assert line.unit_price_incl_tax == Decimal("30.00")
    assert basket.total_incl_tax == Decimal("30.00")
    assert "2 modules x 10 seats" in line.product.get_title()


def test_paying_creates_one_purchase_with_what_was_bought(coach, ccx_course):
    bought = buy(coach, [module(1), module(2)], 10)
    assert bought.modules == (module(1), module(2))
    assert (bought.seats, bought.amount_paid, bought.version) == (10, Decimal("30.00"), 1)
    assert bought.sync_state == "pending" and bought.ccx_course_id == ""
    assert charged_amounts() == ["30.00"]


def test_each_purchase_has_its_own_stable_external_id(coach, ccx_course):
    fall = buy(coach, [module(1)], 5, "Fall")
    spring = buy(coach, [module(1)], 5, "Spring")
    assert fall.external_id != spring.external_id
    assert [p.display_name for p in api.purchases_for(coach, MASTER)] == ["Fall", "Spring"]


def test_an_upgrade_charges_only_the_difference(coach, purchase):
    quote = api.quote_upgrade(coach, purchase.external_id, [module(1), module(2), module(3)], 20)
    assert (quote.total, quote.amount_paid, quote.amount_due) == (Decimal("120.00"), Decimal("30.00"), Decimal("90.00"))
    upgraded = upgrade(coach, purchase, [module(1), module(2), module(3)], 20)
    assert (upgraded.seats, upgraded.amount_paid, upgraded.version) == (20, Decimal("120.00"), 2)
    assert upgraded.external_id == purchase.external_id
    assert charged_amounts() == ["30.00", "90.00"]


def test_two_upgrades_in_a_row_each_charge_their_own_difference(coach, purchase):
    once = upgrade(coach, purchase, [module(1), module(2)], 15)
    twice = upgrade(coach, once, [module(1), module(2), module(6)], 15)
    assert charged_amounts() == ["30.00", "15.00", "90.00"]
    assert twice.amount_paid == Decimal("135.00") == Decimal(15 * (1 + 2 + 6))
    assert list(CcxPurchaseChange.objects.order_by("version").values_list("kind", "version", "amount")) == [
        ("purchase", 1, Decimal("30.00")), ("upgrade", 2, Decimal("15.00")), ("upgrade", 3, Decimal("90.00")),
    ]


@pytest.mark.parametrize(
    ("modules", "seats", "code"),
    [
        ([1, 2], 9, "seats_decreased"),
        ([1, 3], 20, "modules_removed"),
        ([2, 1], 10, "no_increase"),
    ],
)
def test_an_upgrade_that_does_not_only_grow_is_refused_when_added(coach, purchase, modules, seats, code):
    assert refusal(api.add_upgrade_to_basket, coach, purchase.external_id, [module(n) for n in modules], seats) == code
    assert not Line.objects.filter(basket__owner=coach, basket__status=Basket.OPEN).exists()


def test_nobody_upgrades_someone_elses_purchase(make_user, purchase):
    intruder = make_user("intruder")
    with pytest.raises(CcxPurchaseRefused) as refused:
        api.add_upgrade_to_basket(intruder, purchase.external_id, [module(1), module(2)], 50)
    assert (refused.value.error_code, refused.value.http_status) == ("purchase_not_found", 404)


def test_a_quote_whose_prices_changed_is_refused_at_payment_and_nothing_is_charged(coach, purchase):
    added = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2), module(3)], 20)
    CcxCourseModule.objects.filter(usage_key=module(3)).update(price_per_seat=Decimal("4.00"))
    assert refusal(pay, coach, added.basket_id) == "quote_stale"
    assert len(charges()) == 1  # the first purchase only
    assert Basket.objects.get(id=added.basket_id).status == Basket.OPEN
    assert api.purchase_for(coach, purchase.external_id).version == 1


def test_a_quote_made_before_another_upgrade_landed_is_refused(coach, purchase, rf):
    # Two tabs: both quote an upgrade of version 1; the first pays, the second is stale.
    stale = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 30)
    other_basket = Basket.objects.create(owner=coach)
    Basket.objects.filter(id=stale.basket_id).update(status=Basket.SAVED)  # park the first tab's basket
    upgrade(coach, purchase, [module(1), module(2), module(4)], 10)
    Basket.objects.filter(id=stale.basket_id).update(status=Basket.OPEN)
    other_basket.delete()
    assert refusal(pay, coach, stale.basket_id) == "quote_stale"
    assert charged_amounts() == ["30.00", "40.00"]


def test_a_line_for_someone_elses_purchase_is_refused_at_payment(make_user, coach, purchase):
    added = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 30)
    CcxPurchase.objects.update(user=make_user("new_owner"))
    assert refusal(pay, coach, added.basket_id) == "purchase_not_found"
    assert len(charges()) == 1


def test_a_line_bought_twice_over_is_refused(coach, ccx_course):
    added = api.add_purchase_to_basket(coach, MASTER, [module(1)], 10)
    Line.objects.filter(id=added.line_id).update(quantity=2)
    assert refusal(pay, coach, added.basket_id) == "invalid_quantity"
    assert charges() == []


def test_a_tampered_stock_record_price_is_refused(coach, ccx_course):
    added = api.add_purchase_to_basket(coach, MASTER, [module(1)], 10)
    StockRecord.objects.filter(id=Line.objects.get(id=added.line_id).stockrecord_id).update(price=Decimal("1.00"))
    assert refusal(pay, coach, added.basket_id) == "quote_stale"
    assert charges() == []


def test_an_upgrade_being_paid_elsewhere_refuses_a_second_one(coach, purchase):
    first = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 20)
    Basket.objects.filter(id=first.basket_id).update(status=Basket.FROZEN)  # first basket mid-payment
    CcxPurchase.objects.update(reserved_by_basket_id=first.basket_id)
    second = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 25)
    assert second.basket_id != first.basket_id
    assert refusal(pay, coach, second.basket_id) == "upgrade_in_progress"
    assert len(charges()) == 1


def test_a_declined_upgrade_releases_the_purchase(coach, purchase):
    added = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 20)
    assert refusal(pay, coach, added.basket_id, card=DECLINED_CARD) == "payment_declined"
    assert CcxPurchase.objects.get().reserved_by_basket_id is None
    pay(coach, added.basket_id)  # the same basket pays once the card works
    assert api.purchase_for(coach, purchase.external_id).seats == 20


def test_a_paid_upgrade_clears_its_reservation(coach, purchase):
    upgrade(coach, purchase, [module(1), module(2)], 11)
    assert CcxPurchase.objects.get().reserved_by_basket_id is None


def test_adding_an_upgrade_again_replaces_the_earlier_line(coach, purchase):
    api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 20)
    added = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 30)
    assert list(Line.objects.filter(basket_id=added.basket_id).values_list("id", flat=True)) == [added.line_id]


def test_a_basket_can_hold_a_purchase_and_an_upgrade(coach, purchase):
    api.add_purchase_to_basket(coach, MASTER, [module(5)], 2, display_name="Spring")
    added = api.add_upgrade_to_basket(coach, purchase.external_id, [module(1), module(2)], 11)
    pay(coach, added.basket_id)
    assert [(p.display_name, p.seats) for p in api.purchases_for(coach, MASTER)] == [("Fall term", 11), ("Spring", 2)]
    assert charged_amounts() == ["30.00", "13.00"]


def test_a_free_upgrade_is_placed_without_a_charge(coach, purchase):
    CcxCourseModule.objects.update(price_per_seat=Decimal("0.50"))
    upgraded = upgrade(coach, purchase, [module(1), module(2)], 20)  # 20 x $1 = $20 < $30 paid
    assert upgraded.seats == 20 and upgraded.amount_paid == Decimal("30.00")
    assert len(charges()) == 1


# 55 today: the checkout core's ~50 (Oscar's order writing, offers, payment records) and 5 of ours
# (CCX lines, lock purchases, module prices, reserve; then the purchase update). Independent of the
# number of modules: prices come in one query.
UPGRADE_CHECKOUT_MAX_QUERIES = 60


def _upgrade_checkout_queries(user, module_count, django_assert_max_num_queries):
    bought = buy(user, [module(1)], 5, display_name=f"{module_count} modules")
    added = api.add_upgrade_to_basket(user, bought.external_id, [module(n) for n in range(1, module_count + 1)], 6)
    with django_assert_max_num_queries(UPGRADE_CHECKOUT_MAX_QUERIES) as captured:
        pay(user, added.basket_id)
    return len(captured.captured_queries)


def test_upgrade_checkout_queries_do_not_grow_with_modules(coach, ccx_course, django_assert_max_num_queries):
    with_two = _upgrade_checkout_queries(coach, 2, django_assert_max_num_queries)
    with_six = _upgrade_checkout_queries(coach, 6, django_assert_max_num_queries)
    assert with_two == with_six


def api_basket(basket_id, user):
    from ecommerce_plugin.checkout.api import prepare_basket  # noqa: PLC0415
    from ecommerce_plugin.checkout.data import CheckoutContext  # noqa: PLC0415

    basket = Basket.objects.get(id=basket_id)
    return prepare_basket(basket, CheckoutContext(user=user))
