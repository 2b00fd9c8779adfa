"""
Defaults for the ecommerce plugin, injected into the ecommerce settings by ``add_plugins``.
"""


# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = []


def plugin_settings(settings):
    """
    Add the plugin's defaults to the ecommerce settings module.
    """
    # .. setting_name: COMMERCE_LMS_URL_ROOT
    # .. setting_default: "http://localhost:18000"
    # .. setting_description: Base URL of the LMS the ecommerce plugin calls (CCX and enrollment APIs).
    settings.COMMERCE_LMS_URL_ROOT = "http://localhost:18000"
    # .. setting_name: COMMERCE_LMS_REQUEST_TIMEOUT
    # .. setting_default: (3.05, 10)
    # .. setting_description: (connect, read) timeout in seconds of every call to the LMS. No call to
    #   another service is made without one.
    settings.COMMERCE_LMS_REQUEST_TIMEOUT = (3.05, 10)
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
