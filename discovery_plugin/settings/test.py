"""
Settings course-discovery's test settings get from the plugin: the production defaults.
"""


def plugin_settings(settings):
    """
    Tests run with the same defaults as production.
    """
