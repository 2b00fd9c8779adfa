"""
Operator overrides for the LMS plugin, read from the deployment's YAML/ENV tokens.
"""


def plugin_settings(settings):
    """
    Let operators override every default from ``common.py``.
    """
    env_tokens = getattr(settings, "ENV_TOKENS", {})
    settings.COMMERCE_LMS_SERVICE_USERNAMES = env_tokens.get(
        "COMMERCE_LMS_SERVICE_USERNAMES", settings.COMMERCE_LMS_SERVICE_USERNAMES
    )
