"""
Settings the ecommerce service's test settings get from the plugin.
"""


def plugin_settings(settings):
    """
    Tests run with the production defaults, except where noted.
    """
    # Fulfillment: short backoff so retry tests take seconds; the LMS is wherever the host says
    # (tests start one on a free port and point SANDBOX_LMS_URL_ROOT at it).
    settings.COMMERCE_FULFILLMENT_RETRY_BACKOFF = 0.2
    settings.COMMERCE_FULFILLMENT_RETRY_BACKOFF_MAX = 2
    settings.COMMERCE_FULFILLMENT_MAX_RETRIES = 5
    settings.COMMERCE_LMS_URL_ROOT = getattr(settings, "LMS_URL_ROOT", settings.COMMERCE_LMS_URL_ROOT)
