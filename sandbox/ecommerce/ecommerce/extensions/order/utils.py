"""
Replica of Otto ``ecommerce/extensions/order/utils.py`` (``UserAlreadyPlacedOrder``), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Left out: Otto's ``DISABLE_REPEAT_ORDER_CHECK`` switch, refunded lines (its ``refund`` app) and
entitlement expiry (an LMS call); any order line of the product, on any site, is a purchase, as in Otto.
"""
from oscar.core.loading import get_model

OrderLine = get_model("order", "Line")


class UserAlreadyPlacedOrder:
    """Whether a user already ordered a product (Otto's guard against a duplicate seat purchase)."""

    @staticmethod
    def user_already_placed_order(user, product, site):  # noqa: ARG004  (Otto asks the site about entitlements)
        orders_lines = OrderLine.objects.filter(product=product, order__user=user)
        return orders_lines.exists()
