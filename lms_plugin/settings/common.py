"""
Defaults for the LMS plugin, injected into the LMS settings by ``add_plugins``.

Every setting here has an annotation so operators find it in the settings
catalogue; ``production.py`` lets them override it.
"""


# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = [
    "lms_plugin.paid_enrollments",
]


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
    # Paid enrollments (issue 8): a mode with a price needs a purchase; learners cannot
    # enroll themselves in it (``CourseEnrollmentStarted`` step). Appended, never replacing
    # the operator's own pipeline for this filter.
    _paid_filter = "org.openedx.learning.course.enrollment.started.v1"
    _paid_step = "lms_plugin.paid_enrollments.pipeline.PaidModeRequiresPurchase"
    filters_config = dict(getattr(settings, "OPEN_EDX_FILTERS_CONFIG", None) or {})
    paid_filter = dict(filters_config.get(_paid_filter) or {"fail_silently": False, "pipeline": []})
    if _paid_step not in paid_filter.setdefault("pipeline", []):
        paid_filter["pipeline"] = [*paid_filter["pipeline"], _paid_step]
    filters_config[_paid_filter] = paid_filter
    settings.OPEN_EDX_FILTERS_CONFIG = filters_config
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
