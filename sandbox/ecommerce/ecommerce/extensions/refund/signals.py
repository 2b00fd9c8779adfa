"""
Replica of Otto ``ecommerce/extensions/refund/signals.py`` (the ``post_refund`` signal; its
analytics receiver is left out), checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
from django.dispatch import Signal

# Sent after a refund is completed: payment credited AND fulfillment revoked.
post_refund = Signal()
