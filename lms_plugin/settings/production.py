"""
Operator overrides for the LMS plugin, read from the deployment's YAML/ENV tokens.
"""
from lms_plugin.settings.common import install_ccx_feature
from lms_plugin.settings.filter_steps import restore_filter_steps


def plugin_settings(settings):
    """
    Let operators override every default from ``common.py``.
    """
    # CUSTOM_COURSES_EDX is known only now: the platform installed its CCX app just before this phase.
    install_ccx_feature(settings)
    # The platform copied the operator's YAML into settings after the common phase: an operator's
    # OPEN_EDX_FILTERS_CONFIG replaced the plugin's steps, so they are merged in again here.
    restore_filter_steps(settings)
    env_tokens = getattr(settings, "ENV_TOKENS", {})
    # Discounts (issue 4).
    for name in (
        "COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE",
        "COMMERCE_DISCOUNTS_ELIGIBILITY_WINDOW_DAYS",
        "COMMERCE_DISCOUNTS_FIRST_PURCHASE_ONLY",
        "COMMERCE_DISCOUNTS_EXCLUDE_ENTITLEMENT_HOLDERS",
        "COMMERCE_DISCOUNTS_JWT_EXPIRATION_SECONDS",
        "COMMERCE_DISCOUNTS_JWT_AUDIENCE",
        "COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS",
        "COMMERCE_DISCOUNTS_CACHE_SECONDS",
    ):
        if name in env_tokens:
            setattr(settings, name, env_tokens[name])
    settings.COMMERCE_CCX_JOB_QUEUE = env_tokens.get(
        "COMMERCE_CCX_JOB_QUEUE", getattr(settings, "COMMERCE_CCX_JOB_QUEUE", None)
    )
    # Pending enrollments (issue 6).
    for name in (
        "COMMERCE_PENDING_ENROLLMENT_SECRET",
        "COMMERCE_PENDING_ENROLLMENT_STALE_AFTER",
        "COMMERCE_PENDING_ENROLLMENT_DASHBOARD_URL",
    ):
        if name in env_tokens:
            setattr(settings, name, env_tokens[name])
