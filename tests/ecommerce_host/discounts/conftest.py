import pytest
from oscar.core.loading import get_model

from ecommerce_plugin.discounts.offer import create_dynamic_discount_offer

ConditionalOffer = get_model("offer", "ConditionalOffer")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")


@pytest.fixture
def discount_offer(db):
    """The data migration's offer (re-created when a transactional test flushed it)."""
    return create_dynamic_discount_offer(ConditionalOffer, Condition, Benefit)
