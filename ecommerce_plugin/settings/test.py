"""
Settings the ecommerce service's test settings get from the plugin.
"""


def plugin_settings(settings):
    """
    Tests run with the production defaults; a host's test settings set their own values (the
    sandbox's shorten the fulfillment backoff and point at the LMS the tests start).
    """
