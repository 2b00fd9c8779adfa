"""
Settings the discovery service's test settings get from the plugin.
"""


def plugin_settings(settings):
    """
    Tests run with the same defaults as production; nothing to change yet.
    """
