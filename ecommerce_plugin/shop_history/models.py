"""
History of a stock shop's prices (``StockRecord``) and of the offers behind coupons
(``ConditionalOffer``, ``Benefit``): who changed what, when, in the admin, the dashboard or the
plugin's API. Installed only where the host keeps none (not on Otto, whose models carry it).

.. no_pii: Copies of prices and offer settings; the user who made each change is a user id.
"""
from oscar.core.loading import get_model

from ecommerce_plugin.history import register_host_model

# The columns tracked: what a price or an offer is, on every supported Oscar.
STOCKRECORD_FIELDS = ("id", "product", "partner", "partner_sku", "price_currency", "price", "date_updated")
OFFER_FIELDS = (
    "id", "name", "offer_type", "status", "condition", "benefit", "start_datetime", "end_datetime",
    "max_global_applications", "max_user_applications", "max_basket_applications",
)
BENEFIT_FIELDS = ("id", "range", "type", "value", "max_affected_items", "proxy_class")

register_host_model(get_model("partner", "StockRecord"), "ecommerce_plugin.shop_history", STOCKRECORD_FIELDS)
register_host_model(get_model("offer", "ConditionalOffer"), "ecommerce_plugin.shop_history", OFFER_FIELDS)
register_host_model(get_model("offer", "Benefit"), "ecommerce_plugin.shop_history", BENEFIT_FIELDS)
