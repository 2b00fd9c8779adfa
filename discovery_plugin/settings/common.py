"""
Defaults for the discovery plugin, injected into the discovery settings by ``add_plugins``.
"""


def plugin_settings(settings):
    """
    Add the plugin's defaults to the discovery settings module.
    """
    # .. setting_name: COMMERCE_DISCOVERY_API_PAGE_SIZE
    # .. setting_default: 100
    # .. setting_description: Page size of the plugin's course type REST APIs.
    settings.COMMERCE_DISCOVERY_API_PAGE_SIZE = 100
