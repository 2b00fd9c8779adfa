"""
Defaults for the LMS plugin, injected into the LMS settings by ``add_plugins``.

Every setting here has an annotation so operators find it in the settings
catalogue; ``production.py`` lets them override it.
"""
from lms_plugin.settings.filter_steps import add_filter_steps

# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = [
    "lms_plugin.paid_enrollments",
    "lms_plugin.discounts",
    "lms_plugin.pending_enrollments",
]
# The CCX feature extends the platform's CCX app (its models point at ccx.CustomCourseForEdX, its
# migration depends on the platform's): installed only where the host installed that app.
CCX_FEATURE_APP = "lms_plugin.ccx"
HOST_CCX_APP = "lms.djangoapps.ccx"


def install_ccx_feature(settings):
    """
    Install the CCX feature app if, and only if, the host has installed its CCX app.

    The platform decides on CCX late: ``lms/envs/production.py`` (and ``test.py``) add
    ``lms.djangoapps.ccx`` when ``CUSTOM_COURSES_EDX`` is on, after the operator's YAML is
    read and after the common plugin phase ran, just before the production (or test)
    plugin phase. Each phase calls this, so whichever first sees the app installs ours;
    with CCX off it is never installed, and neither its models nor its migrations nor
    the CCX v1 URLs exist.
    """
    installed = list(settings.INSTALLED_APPS)
    if HOST_CCX_APP in installed and CCX_FEATURE_APP not in installed:
        settings.INSTALLED_APPS = [*installed, CCX_FEATURE_APP]


def _default(settings, name, value):
    """
    ``value`` unless the host already set ``name``: a value the host chose is never overwritten.
    """
    if not hasattr(settings, name):
        setattr(settings, name, value)


def plugin_settings(settings):
    """
    Add the plugin's defaults to the LMS settings module.
    """
    # The plugin's openedx-filters steps (paid-mode enforcement, discount rules, pending status),
    # appended to the host's pipelines, never replacing the operator's own steps.
    add_filter_steps(settings)
    # Discounts (issue 4).
    # .. setting_name: COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE
    # .. setting_default: 15
    # .. setting_description: The discount's percentage where no site/org/course row of
    #   DiscountPercentageConfig (Django admin) says otherwise.
    _default(settings, "COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE", 15)
    # .. setting_name: COMMERCE_DISCOUNTS_ELIGIBILITY_WINDOW_DAYS
    # .. setting_default: 7
    # .. setting_description: Days after enrolling (in a free mode) during which a learner can get the
    #   discount; it also ends at the verified mode's upgrade deadline. None: no window, and no
    #   enrollment is needed.
    _default(settings, "COMMERCE_DISCOUNTS_ELIGIBILITY_WINDOW_DAYS", 7)
    # .. setting_name: COMMERCE_DISCOUNTS_FIRST_PURCHASE_ONLY
    # .. setting_default: True
    # .. setting_description: See the toggle annotation in lms_plugin/discounts/toggles.py.
    _default(settings, "COMMERCE_DISCOUNTS_FIRST_PURCHASE_ONLY", True)
    # .. setting_name: COMMERCE_DISCOUNTS_EXCLUDE_ENTITLEMENT_HOLDERS
    # .. setting_default: True
    # .. setting_description: See the toggle annotation in lms_plugin/discounts/toggles.py.
    _default(settings, "COMMERCE_DISCOUNTS_EXCLUDE_ENTITLEMENT_HOLDERS", True)
    # .. setting_name: COMMERCE_DISCOUNTS_JWT_EXPIRATION_SECONDS
    # .. setting_default: 600
    # .. setting_description: Lifetime of the discount JWT (the basket page asks for a fresh one on load).
    _default(settings, "COMMERCE_DISCOUNTS_JWT_EXPIRATION_SECONDS", 600)
    # .. setting_name: COMMERCE_DISCOUNTS_JWT_AUDIENCE
    # .. setting_default: "openedx-commerce-discount"
    # .. setting_description: The ``aud`` claim of the discount JWT. It must differ from every
    #   service's JWT_ISSUERS audience (``JWT_AUTH["JWT_AUDIENCE"]``), so that the services'
    #   JwtAuthentication refuses the token as a credential; only the basket's verifier, configured
    #   with the same value (ecommerce setting of the same name), accepts it.
    _default(settings, "COMMERCE_DISCOUNTS_JWT_AUDIENCE", "openedx-commerce-discount")
    # .. setting_name: COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS
    # .. setting_default: None
    # .. setting_description: Origins (scheme://host[:port]) whose pages may call the discount
    #   endpoint with the learner's cookies (CORS with credentials, that path only). None: the origin
    #   of the platform's ECOMMERCE_PUBLIC_URL_ROOT. Needs the host's CORS_ALLOW_CREDENTIALS = True.
    _default(settings, "COMMERCE_DISCOUNTS_ECOMMERCE_ORIGINS", None)
    # .. setting_name: COMMERCE_DISCOUNTS_CACHE_SECONDS
    # .. setting_default: 60
    # .. setting_description: How long course facts (end date, verified mode) and the resolved
    #   configuration are cached; admin edits of the configuration invalidate it at once.
    _default(settings, "COMMERCE_DISCOUNTS_CACHE_SECONDS", 60)
    # .. setting_name: COMMERCE_CCX_JOB_QUEUE
    # .. setting_default: None
    # .. setting_description: Celery queue of the asynchronous CCX writes (``?async=true``); None sends
    #   them to the LMS's default queue.
    _default(settings, "COMMERCE_CCX_JOB_QUEUE", None)
    # Pending enrollments (issue 6).
    # .. setting_name: COMMERCE_PENDING_ENROLLMENT_SECRET
    # .. setting_default: "" (the host's value if it sets one)
    # .. setting_description: Secret shared with the ecommerce plugin (same setting name there) that
    #   verifies the receipt's hand-off of the courses an order will enroll the learner in. At least 32
    #   characters (refused at start-up otherwise). Empty: no hand-off is accepted.
    _default(settings, "COMMERCE_PENDING_ENROLLMENT_SECRET", "")
    # .. setting_name: COMMERCE_PENDING_ENROLLMENT_STALE_AFTER
    # .. setting_default: 3600
    # .. setting_description: Seconds after which a pending enrollment counts as stale (fulfillment late
    #   or failed) and shows in the admin's "stale" filter and ``stale_pending_enrollments``.
    _default(settings, "COMMERCE_PENDING_ENROLLMENT_STALE_AFTER", 3600)
    # .. setting_name: COMMERCE_PENDING_ENROLLMENT_DASHBOARD_URL
    # .. setting_default: "/dashboard"
    # .. setting_description: Where the receipt hand-off sends the learner once the pending courses are recorded.
    _default(settings, "COMMERCE_PENDING_ENROLLMENT_DASHBOARD_URL", "/dashboard")
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
    install_ccx_feature(settings)
