"""
Oscar's ``order_placed`` signal: queue the order's fulfillment once the order is committed.
"""
from ecommerce_plugin.transactions import on_commit_robust


def enqueue_fulfillment(sender, order, **kwargs):  # pylint: disable=unused-argument
    """
    Never fulfil in the checkout request: the worker gets the order number after the commit,
    so it never looks for an order that is not there yet, and a rolled-back order sends nothing.
    """
    from ecommerce_plugin.fulfillment.tasks import enqueue  # noqa: PLC0415

    number = order.number
    on_commit_robust(lambda: enqueue(number))
