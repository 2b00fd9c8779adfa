"""
Operator overrides for the ecommerce plugin, read from the deployment's YAML/ENV tokens.
"""


def plugin_settings(settings):
    """
    Let operators override every default from ``common.py``.
    """
    env_tokens = getattr(settings, "ENV_TOKENS", {})
    for name in ("COMMERCE_LMS_URL_ROOT", "COMMERCE_LMS_REQUEST_TIMEOUT"):
        setattr(settings, name, env_tokens.get(name, getattr(settings, name)))
    for name in (
        "COMMERCE_CCX_MAX_SEATS",
        "COMMERCE_CCX_SYNC_MAX_RETRIES",
        "COMMERCE_CCX_SYNC_RETRY_BACKOFF_MAX",
        "COMMERCE_CCX_SYNC_LEASE_SECONDS",
    ):
        if name in env_tokens:
            setattr(settings, name, env_tokens[name])
    for name in (
        "COMMERCE_FULFILLMENT_MODULES",
        "COMMERCE_FULFILLMENT_MAX_RETRIES",
        "COMMERCE_FULFILLMENT_RETRY_BACKOFF",
        "COMMERCE_FULFILLMENT_RETRY_BACKOFF_MAX",
        "COMMERCE_PENDING_ENROLLMENT_SECRET",
        "COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME",
        "COMMERCE_CODE_REDEMPTION_THROTTLE_RATES",
        "COMMERCE_COUPON_STAFF_MAX_PERCENTAGE",
        "COMMERCE_COUPON_STAFF_MAX_USES",
        "COMMERCE_DISCOUNTS_JWT_AUDIENCE",
        "COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS",
    ):
        if name in env_tokens:
            setattr(settings, name, env_tokens[name])
