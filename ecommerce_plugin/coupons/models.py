"""
Coupons are Oscar vouchers (no model of the plugin's own); this keeps their change history
(code, usage, validity) on every host: neither Otto's voucher nor Oscar's has one. The offer
behind a coupon (its percentage and usage limit) is tracked by Otto itself, or on a stock shop by
``ecommerce_plugin.shop_history``.

.. no_pii: Copies of a voucher's code, usage kind and dates; the user who made each change is a user id.
"""
from oscar.core.loading import get_model

from ecommerce_plugin.history import register_host_model

VOUCHER_FIELDS = ("id", "name", "code", "usage", "start_datetime", "end_datetime", "date_created")

register_host_model(get_model("voucher", "Voucher"), "ecommerce_plugin.coupons", VOUCHER_FIELDS)
