"""
The fulfillment module of CCX lines (the fulfillment feature's interface, Otto's shape).

A CCX line is fulfilled when its purchase change is recorded, which happens at payment in the
order's own transaction (``handlers.record_ccx_lines``). The LMS CCX follows asynchronously, with
its own retries, groomer and ``sync_state``; the order does not wait on the LMS.
"""
from ecommerce_plugin.ccx_purchases.data import QUOTE_SKU_PREFIX
from ecommerce_plugin.ccx_purchases.models import CcxPurchaseChange
from ecommerce_plugin.fulfillment import errors
from ecommerce_plugin.fulfillment.data import LineOutcome
from ecommerce_plugin.fulfillment.modules import BaseFulfillmentModule


class CcxPurchaseFulfillmentModule(BaseFulfillmentModule):
    def supports_line(self, line):
        return (line.partner_sku or "").startswith(QUOTE_SKU_PREFIX)

    def fulfill_product(self, order, lines, email_opt_in=False):
        recorded = CcxPurchaseChange.objects.filter(order_number=order.number).exists()
        return {
            line.id: LineOutcome(line.id)
            if recorded
            else LineOutcome(line.id, errors.CONFIGURATION, "no CCX purchase was recorded for this order")
            for line in lines
        }

    def revoke_line(self, line):
        # Removing seats or modules is a support case (the Teacher's Portal design), not automatic.
        return False
