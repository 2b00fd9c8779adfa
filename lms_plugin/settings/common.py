"""
Defaults for the LMS plugin, injected into the LMS settings by ``add_plugins``.

Every setting here has an annotation so operators find it in the settings
catalogue; ``production.py`` lets them override it.
"""


# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = []


def plugin_settings(settings):
    """
    Add the plugin's defaults to the LMS settings module.
    """
    # .. setting_name: COMMERCE_LMS_SERVICE_USERNAMES
    # .. setting_default: ["ecommerce_worker"]
    # .. setting_description: Usernames of service users (other Open edX services calling with a JWT)
    #   that may act on behalf of learners in the plugin's APIs, e.g. the ecommerce worker that
    #   creates CCXs after a purchase.
    settings.COMMERCE_LMS_SERVICE_USERNAMES = ["ecommerce_worker"]
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
