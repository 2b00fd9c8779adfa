"""
Replica of Otto ``ecommerce/extensions/refund/api.py`` (``find_orders_associated_with_course``,
``create_refunds``; the entitlement variant is left out), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
from oscar.core.loading import get_model

from ecommerce.extensions.fulfillment.status import ORDER
from ecommerce.extensions.refund.models import Refund

Order = get_model("order", "Order")


def find_orders_associated_with_course(user, course_id):
    """The user's Complete orders with a line for ``course_id``."""
    if not course_id or not course_id.strip():
        raise ValueError(f'"{course_id}" is not a valid course ID.')

    if not Order.objects.filter(user=user).exists():
        return []

    orders = Order.objects.filter(
        user=user, status=ORDER.COMPLETE,
        lines__product__attribute_values__attribute__code="course_key",
        lines__product__attribute_values__value_text=course_id,
    )
    return list(orders)


def create_refunds(orders, course_id):
    """A refund per order of its lines for ``course_id`` not refunded yet."""
    refunds = []

    for order in orders:
        lines = order.lines.filter(
            refund_lines__id__isnull=True,
            product__attribute_values__attribute__code="course_key",
            product__attribute_values__value_text=course_id,
        )

        refund = Refund.create_with_lines(order, lines)
        if refund is not None:
            refunds.append(refund)

    return refunds
