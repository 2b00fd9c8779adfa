"""
Defaults for the discovery plugin, injected into the discovery settings by ``add_plugins``.
"""


# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = []


def plugin_settings(settings):
    """
    Add the plugin's defaults to the discovery settings module.
    """
    # .. setting_name: COMMERCE_DISCOVERY_API_PAGE_SIZE
    # .. setting_default: 100
    # .. setting_description: Page size of the plugin's course type REST APIs.
    settings.COMMERCE_DISCOVERY_API_PAGE_SIZE = 100
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
