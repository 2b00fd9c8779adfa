"""
Error codes of the CCX purchase API and of its checkout step. A refusal changes nothing.
"""
from ecommerce_plugin.checkout.errors import CheckoutRefused

# What the buyer asked for is not something we sell.
COURSE_NOT_FOUND = "ccx_course_not_found"
UNKNOWN_MODULE = "unknown_module"
NO_MODULES = "no_modules"
DUPLICATE_MODULE = "duplicate_module"
INVALID_SEATS = "invalid_seats"
# Upgrades: a purchase only grows.
PURCHASE_NOT_FOUND = "purchase_not_found"  # also someone else's purchase: its existence is not disclosed
SEATS_DECREASED = "seats_decreased"
MODULES_REMOVED = "modules_removed"
NO_INCREASE = "no_increase"
# Checkout re-validation.
QUOTE_STALE = "quote_stale"  # prices changed, or another upgrade of the purchase landed first
UPGRADE_IN_PROGRESS = "upgrade_in_progress"  # another basket is paying for an upgrade of this purchase
INVALID_QUANTITY = "invalid_quantity"
DUPLICATE_UPGRADE = "duplicate_upgrade"  # one basket upgrading one purchase twice
LINE_NOT_FOUND = "line_not_found"
INVALID_REQUEST = "invalid_request"


class CcxPurchaseRefused(CheckoutRefused):
    """
    A purchase or upgrade request, or its re-validation at payment, was refused; nothing changed.
    """
