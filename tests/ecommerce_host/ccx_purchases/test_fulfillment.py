"""
CCX order lines are fulfilled by the purchase recorded at payment; the order does not wait on the LMS.
"""
from decimal import Decimal

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


def test_the_sandbox_seed_sells_the_ccx_master_course_and_is_idempotent(db):
    from django.core.management import call_command  # noqa: PLC0415

    from ecommerce_plugin.ccx_purchases.api import get_ccx_course  # noqa: PLC0415

    call_command("seed_demo", stdout=None)
    call_command("seed_demo", stdout=None)
    course = get_ccx_course("course-v1:edX+CCX101+2026")
    assert [m.usage_key.rsplit("@", 1)[1] for m in course.modules] == [f"module_{n}" for n in range(1, 7)]
    assert course.modules[0].price_per_seat == Decimal("5.00")
