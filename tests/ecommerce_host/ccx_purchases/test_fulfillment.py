"""
CCX order lines are fulfilled by the purchase recorded at payment; the order does not wait on the LMS.
"""
from oscar.core.loading import get_model

from ecommerce_plugin.fulfillment import api as fulfillment_api

from .conftest import buy, module, upgrade

Order = get_model("order", "Order")


def test_a_ccx_order_is_complete_once_paid(coach, ccx_course):
    buy(coach, [module(1)], 5)
    order = Order.objects.get()
    report = fulfillment_api.fulfill_order(order.number)
    assert report.status == "Complete"
    assert list(order.lines.values_list("status", flat=True)) == ["Complete"]


def test_an_upgrade_order_is_complete_too(coach, purchase):
    upgrade(coach, purchase, [module(1), module(2)], 12)
    assert fulfillment_api.fulfill_order(Order.objects.latest("id").number).status == "Complete"
