"""
Defaults for the discovery plugin, injected into course-discovery's settings by ``add_plugins``.

Every setting is also read through ``discovery_plugin.conf.setting`` with the default
below, so a host that installs the apps through YAML ``EXTRA_APPS`` alone (without
``add_plugins``) runs on these defaults rather than failing on a missing name.
"""

# Each feature is a Django app of its own, installed by this plugin rather than by the host,
# so the host names only the plugin's entry point.
FEATURE_APPS = ["discovery_plugin.course_types"]

DEFAULTS = {
    # .. setting_name: COMMERCE_DISCOVERY_API_PAGE_SIZE
    # .. setting_default: 100
    # .. setting_description: Page size of the course types API's run list.
    "COMMERCE_DISCOVERY_API_PAGE_SIZE": 100,
    # .. setting_name: COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE
    # .. setting_default: 1000
    # .. setting_description: Largest ``page_size`` a client may ask of the course types API's run list.
    "COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE": 1000,
    # .. setting_name: COMMERCE_DISCOVERY_STRICT_RUN_TYPES
    # .. setting_default: False
    # .. setting_description: When True, a course run's type must be one its course's type allows
    #   (Empty on either side always passes). Upstream allows a run to differ from its course's
    #   type, so this is off by default.
    "COMMERCE_DISCOVERY_STRICT_RUN_TYPES": False,
}


def plugin_settings(settings):
    """
    Add the plugin's defaults (keeping any value the host already set) and its feature apps.
    """
    for name, default in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, default)
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
