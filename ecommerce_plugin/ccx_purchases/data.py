"""
Plain values that cross the CCX purchases boundary (API, views, task, groomer, other features).
"""
from dataclasses import dataclass
from decimal import Decimal

CCX_COURSE_PRODUCT_CLASS_SLUG = "ccx-course"
CCX_COURSE_PRODUCT_CLASS_NAME = "CCX Course"
# Partner SKUs of quote products (one per basket line) start with this; the checkout step
# recognises CCX lines by it without a query.
QUOTE_SKU_PREFIX = "CCXQ-"


class SyncState:
    """
    Where the LMS CCX stands relative to the purchase.
    """

    PENDING = "pending"  # paid changes the LMS has not confirmed yet (a task or the groomer will push them)
    IN_SYNC = "in_sync"  # the LMS CCX has the purchase's current seats and modules
    FAILED = "failed"  # the LMS refused (4xx) or retries ran out; staff retry from the admin, or the groomer

    CHOICES = [(PENDING, "Pending"), (IN_SYNC, "In sync"), (FAILED, "Failed")]


class LineKind:
    PURCHASE = "purchase"
    UPGRADE = "upgrade"

    CHOICES = [(PURCHASE, "First purchase"), (UPGRADE, "Upgrade")]


@dataclass(frozen=True)
class CcxModule:
    usage_key: str
    display_name: str
    price_per_seat: Decimal


@dataclass(frozen=True)
class CcxCourse:
    """
    A master course sold as CCXs: its modules, each priced per seat.
    """

    product_id: int
    master_course_key: str
    title: str
    currency: str
    modules: tuple  # of CcxModule, in course order


@dataclass(frozen=True)
class Quote:
    """
    The price of a configuration for one buyer: ``total`` at today's prices, minus what was paid.
    """

    master_course_key: str
    modules: tuple  # usage keys, in course order
    seats: int
    total: Decimal
    amount_paid: Decimal
    amount_due: Decimal
    currency: str
    purchase_external_id: str | None = None
    purchase_version: int | None = None


@dataclass(frozen=True)
class CcxPurchase:
    """
    What one buyer holds of one master course, and whether the LMS has it.
    """

    external_id: str
    master_course_key: str
    display_name: str
    modules: tuple
    seats: int
    amount_paid: Decimal
    currency: str
    version: int
    synced_version: int
    ccx_course_id: str
    sync_state: str
    sync_error: str


@dataclass(frozen=True)
class BasketLineQuote:
    """
    A CCX line put in a basket: which basket and line, and what it will cost.
    """

    basket_id: int
    line_id: int
    kind: str
    quote: Quote
    display_name: str = ""
