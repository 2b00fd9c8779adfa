"""
Operator overrides for the discovery plugin, read from the deployment's YAML/ENV tokens.
"""


def plugin_settings(settings):
    """
    Let operators override every default from ``common.py``.
    """
    env_tokens = getattr(settings, "ENV_TOKENS", {})
    settings.COMMERCE_DISCOVERY_API_PAGE_SIZE = env_tokens.get(
        "COMMERCE_DISCOVERY_API_PAGE_SIZE", settings.COMMERCE_DISCOVERY_API_PAGE_SIZE
    )
    settings.COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE = env_tokens.get(
        "COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE", getattr(settings, "COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE", 1000)
    )
