"""
Defaults for the discovery plugin, injected into the discovery settings by ``add_plugins``.
"""


# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = ["discovery_plugin.course_types"]

SEAT_SYNC_FILTER_TYPE = "org.openedx.discovery.course_run.seat_sync.requested.v1"
SEAT_SYNC_STEP = "discovery_plugin.course_types.pipeline.KeepSeatsOfTheCourseRunType"


def plugin_settings(settings):
    """
    Add the plugin's defaults to the discovery settings module.
    """
    # .. setting_name: COMMERCE_DISCOVERY_API_PAGE_SIZE
    # .. setting_default: 100
    # .. setting_description: Page size of the plugin's course type REST APIs.
    settings.COMMERCE_DISCOVERY_API_PAGE_SIZE = 100
    # .. setting_name: COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE
    # .. setting_default: 1000
    # .. setting_description: Largest ``page_size`` a client may ask of the plugin's list APIs.
    settings.COMMERCE_DISCOVERY_API_MAX_PAGE_SIZE = 1000
    # The seat sync of course-discovery (EcommerceApiDataLoader) asks this filter which seats to keep
    # and which products to refuse; our step answers from the run's course run type. It must not
    # fail silently: a sync that skipped the step would delete seats the type requires.
    filters_config = dict(getattr(settings, "OPEN_EDX_FILTERS_CONFIG", {}) or {})
    seat_sync = dict(filters_config.get(SEAT_SYNC_FILTER_TYPE, {}))
    pipeline = list(seat_sync.get("pipeline", []))
    if SEAT_SYNC_STEP not in pipeline:
        pipeline.append(SEAT_SYNC_STEP)
    seat_sync.update({"pipeline": pipeline, "fail_silently": False})
    filters_config[SEAT_SYNC_FILTER_TYPE] = seat_sync
    settings.OPEN_EDX_FILTERS_CONFIG = filters_config
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
