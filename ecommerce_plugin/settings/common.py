"""
Defaults for the ecommerce plugin, injected into the ecommerce settings by ``add_plugins``.
"""
from pathlib import Path

CHECKOUT_TEMPLATE_OVERRIDES = str(Path(__file__).resolve().parents[1] / "checkout" / "templates_override")


# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = [
    "ecommerce_plugin.catalog",
    "ecommerce_plugin.checkout",
]


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
    # .. setting_name: COMMERCE_CHECKOUT_STEPS
    # .. setting_default: []
    # .. setting_description: Dotted paths of the checkout steps (``ecommerce_plugin.checkout.steps.CheckoutStep``)
    #   that check a basket before it is charged, in order. Each feature adds its own.
    settings.COMMERCE_CHECKOUT_STEPS = []
    # Otto's order and line status pipelines: an order is Open until fulfilled.
    settings.OSCAR_INITIAL_ORDER_STATUS = "Open"
    settings.OSCAR_INITIAL_LINE_STATUS = "Open"
    settings.OSCAR_ORDER_STATUS_PIPELINE = {
        "Open": ("Complete", "Fulfillment Error"),
        "Fulfillment Error": ("Complete", "Open"),
        "Complete": (),
    }
    settings.OSCAR_LINE_STATUS_PIPELINE = {
        "Open": ("Complete", "Fulfillment Error"),
        "Fulfillment Error": ("Complete", "Open"),
        "Complete": (),
    }
    # The basket page carries the plugin's pay form and scripts: its overrides of two Oscar
    # templates must be found before Oscar's own.
    for engine in settings.TEMPLATES:
        if engine["BACKEND"].endswith("DjangoTemplates") and CHECKOUT_TEMPLATE_OVERRIDES not in engine["DIRS"]:
            engine["DIRS"] = [CHECKOUT_TEMPLATE_OVERRIDES, *engine["DIRS"]]
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]
