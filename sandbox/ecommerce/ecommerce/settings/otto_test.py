"""
The Otto-faithful sandbox: the test settings with replicas of what Otto has where the plugin
touches it (openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e0): Otto's fork
of the basket app (per-site baskets), ``site.siteconfiguration``, ``Course`` and its seats, Otto's
``dynamic_conditional_offer`` rows, its status pipelines and ``FULFILLMENT_MODULES``.
"""
from edx_django_utils.plugins import add_plugins

from ecommerce.extensions.fulfillment.status import LINE, ORDER
from ecommerce.plugins import PROJECT_TYPE, SettingsType
from ecommerce.settings.base import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import
from ecommerce.settings.test import CELERY_TASK_ALWAYS_EAGER, CELERY_TASK_EAGER_PROPAGATES, PASSWORD_HASHERS  # noqa: F401
from ecommerce_plugin.settings.common import CHECKOUT_TEMPLATE_OVERRIDES

INSTALLED_APPS = [  # noqa: F405
    "ecommerce.extensions.basket.apps.BasketConfig" if app == "oscar.apps.basket.apps.BasketConfig" else app
    for app in INSTALLED_APPS  # noqa: F405
]
INSTALLED_APPS += ["ecommerce.core.apps.CoreAppConfig", "ecommerce.courses.apps.CoursesConfig"]
MIDDLEWARE = [*MIDDLEWARE, "django.contrib.sites.middleware.CurrentSiteMiddleware"]  # noqa: F405

# Otto's ecommerce/settings/_oscar.py.
OSCAR_INITIAL_ORDER_STATUS = ORDER.OPEN
OSCAR_INITIAL_LINE_STATUS = LINE.OPEN
OSCAR_ORDER_STATUS_PIPELINE = {
    ORDER.PENDING: (ORDER.OPEN, ORDER.PAYMENT_ERROR),
    ORDER.PAYMENT_ERROR: (),
    ORDER.OPEN: (ORDER.COMPLETE, ORDER.FULFILLMENT_ERROR),
    ORDER.FULFILLMENT_ERROR: (ORDER.COMPLETE,),
    ORDER.COMPLETE: (),
}
OSCAR_LINE_STATUS_PIPELINE = {
    LINE.OPEN: (LINE.COMPLETE, LINE.FULFILLMENT_CONFIGURATION_ERROR, LINE.FULFILLMENT_NETWORK_ERROR,
                LINE.FULFILLMENT_TIMEOUT_ERROR, LINE.FULFILLMENT_SERVER_ERROR),
    LINE.FULFILLMENT_CONFIGURATION_ERROR: (LINE.COMPLETE,),
    LINE.FULFILLMENT_NETWORK_ERROR: (LINE.COMPLETE,),
    LINE.FULFILLMENT_TIMEOUT_ERROR: (LINE.COMPLETE,),
    LINE.FULFILLMENT_SERVER_ERROR: (LINE.COMPLETE,),
    LINE.COMPLETE: (),
}
FULFILLMENT_MODULES = [
    "ecommerce.extensions.fulfillment.modules.EnrollmentFulfillmentModule",
    "ecommerce.extensions.fulfillment.modules.CouponFulfillmentModule",
    "ecommerce.extensions.fulfillment.modules.EnrollmentCodeFulfillmentModule",
    "ecommerce.extensions.fulfillment.modules.CourseEntitlementFulfillmentModule",
    "ecommerce.extensions.fulfillment.modules.DonationsFromCheckoutTestFulfillmentModule",
    "ecommerce.extensions.fulfillment.modules.ExecutiveEducation2UFulfillmentModule",
]
# Otto's celery settings use celery's old names; the plugin adds its imports and route there.
CELERY_IMPORTS = ("ecommerce_worker.fulfillment.v1.tasks",)
CELERY_ROUTES = {"ecommerce_worker.fulfillment.v1.tasks.fulfill_order": {"queue": "ecommerce.fulfillment"}}

# base.py loaded the plugin's settings for a stock shop: undo what differs on Otto, then load them
# again over Otto's (the plugin's own detection is tested against the real Otto).
COMMERCE_ECOMMERCE_HOST = "otto"
for _engine in TEMPLATES:  # noqa: F405
    _engine["DIRS"] = [path for path in _engine["DIRS"] if path != CHECKOUT_TEMPLATE_OVERRIDES]
add_plugins(__name__, PROJECT_TYPE, SettingsType.COMMON)
add_plugins(__name__, PROJECT_TYPE, SettingsType.TEST)
