"""
The fulfillment module of multi-seat purchases: a seat line bought in quantity issues codes.

Listed before the seat enrollment module in ``COMMERCE_FULFILLMENT_MODULES``, so the first
module that supports a line (the fulfillment API's rule) is this one for quantities above one,
and the buyer is not enrolled.
"""
from ecommerce_plugin.fulfillment.data import LineOutcome
from ecommerce_plugin.fulfillment.modules import BaseFulfillmentModule
from ecommerce_plugin.registration_codes import api


class RegistrationCodesFulfillmentModule(BaseFulfillmentModule):
    def supports_line(self, line):
        return api.is_multi_seat_line(line)

    def fulfill_product(self, order, lines, email_opt_in=False):
        # Local: issuing is a database write (idempotent per line) in the caller's transaction.
        for line in lines:
            api.issue_codes_for_line(line)
        return {line.id: LineOutcome(line.id) for line in lines}

    def revoke_line(self, line):
        return api.revoke_codes_for_line(line)
