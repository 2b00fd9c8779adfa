import pytest
from oscar.core.loading import get_model

from ecommerce_plugin.discounts.offer import create_dynamic_discount_offer

from . import lms_tokens

ConditionalOffer = get_model("offer", "ConditionalOffer")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")


@pytest.fixture
def discount_offer(db):
    """The data migration's offer (re-created when a transactional test flushed it)."""
    return create_dynamic_discount_offer(ConditionalOffer, Condition, Benefit)


@pytest.fixture(params=["symmetric", "asymmetric"])
def signing_mode(request, settings):
    """
    The LMS signing HS256 (its default; the shop accepts symmetric tokens) or asymmetrically
    (JWT_AUTH_FORCE_CREATE_ASYMMETRIC, with the shop hardened to refuse symmetric tokens).
    """
    settings.COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS = request.param == "symmetric"
    lms_tokens.MODE["signing"] = request.param
    yield request.param
    lms_tokens.MODE["signing"] = "asymmetric"
