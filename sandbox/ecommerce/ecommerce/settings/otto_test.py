"""
The Otto-faithful sandbox: the test settings with replicas of what Otto has where the plugin
touches it (openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e0): Otto's fork
of the basket app (per-site baskets), ``site.siteconfiguration``, ``Course`` and its seats, Otto's
``dynamic_conditional_offer`` rows, its status pipelines and ``FULFILLMENT_MODULES``, the
fulfillment app (``post_checkout`` receiver, API, modules), the refund app and the order
fulfillment endpoint ecommerce-worker calls.
"""
from edx_django_utils.plugins import add_plugins

from ecommerce.extensions.fulfillment.status import LINE, ORDER
from ecommerce.extensions.refund.status import REFUND, REFUND_LINE
from ecommerce.plugins import PROJECT_TYPE, SettingsType
from ecommerce.settings.base import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import
from ecommerce.settings.test import CELERY_TASK_ALWAYS_EAGER, CELERY_TASK_EAGER_PROPAGATES, PASSWORD_HASHERS  # noqa: F401
from ecommerce_plugin.settings.common import CHECKOUT_TEMPLATE_OVERRIDES

INSTALLED_APPS = [  # noqa: F405
    "ecommerce.extensions.basket.apps.BasketConfig" if app == "oscar.apps.basket.apps.BasketConfig" else app
    for app in INSTALLED_APPS  # noqa: F405
]
INSTALLED_APPS += [
    "ecommerce.core.apps.CoreAppConfig",
    "ecommerce.courses.apps.CoursesConfig",
    "ecommerce.extensions.fulfillment.apps.FulfillmentAppConfig",
    "ecommerce.extensions.refund.apps.RefundConfig",
]
MIDDLEWARE = [*MIDDLEWARE, "django.contrib.sites.middleware.CurrentSiteMiddleware"]  # noqa: F405
# Otto's ecommerce/settings/test.py (production.py: https): the scheme of build_ecommerce_url.
PROTOCOL = "http"

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
# Otto's list, less the modules the sandbox does not replicate (Otto's loader would log each of them
# as unloadable): CouponFulfillmentModule, EnrollmentCodeFulfillmentModule,
# CourseEntitlementFulfillmentModule, ExecutiveEducation2UFulfillmentModule.
FULFILLMENT_MODULES = [
    "ecommerce.extensions.fulfillment.modules.EnrollmentFulfillmentModule",
    "ecommerce.extensions.fulfillment.modules.DonationsFromCheckoutTestFulfillmentModule",
]
# Otto's settings set no HAYSTACK_SIGNAL_PROCESSOR and neither do Oscar 3.2's defaults, so haystack's
# BaseSignalProcessor (no signals) runs there. Oscar 4's defaults, which base.py imports on the stock
# stack, connect the RealtimeSignalProcessor to every model's post_delete: Django can then no
# longer delete a queryset in one query, and the replica would count queries Otto does not make.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
# Otto's settings/base.py (the enrollment module's key and timeout; the sandbox LMS accepts the key).
EDX_API_KEY = "sandbox-edx-api-key"
ENROLLMENT_FULFILLMENT_TIMEOUT = 7
OSCAR_INITIAL_REFUND_STATUS = REFUND.OPEN
OSCAR_INITIAL_REFUND_LINE_STATUS = REFUND_LINE.OPEN
OSCAR_REFUND_STATUS_PIPELINE = {
    REFUND.OPEN: (REFUND.DENIED, REFUND.PAYMENT_REFUND_ERROR, REFUND.PAYMENT_REFUNDED),
    REFUND.PAYMENT_REFUND_ERROR: (REFUND.PAYMENT_REFUNDED, REFUND.PAYMENT_REFUND_ERROR),
    REFUND.PAYMENT_REFUNDED: (REFUND.REVOCATION_ERROR, REFUND.COMPLETE),
    REFUND.REVOCATION_ERROR: (REFUND.REVOCATION_ERROR, REFUND.COMPLETE),
    REFUND.DENIED: (),
    REFUND.COMPLETE: (),
}
OSCAR_REFUND_LINE_STATUS_PIPELINE = {
    REFUND_LINE.OPEN: (REFUND_LINE.DENIED, REFUND_LINE.REVOCATION_ERROR, REFUND_LINE.COMPLETE),
    REFUND_LINE.REVOCATION_ERROR: (REFUND_LINE.REVOCATION_ERROR, REFUND_LINE.COMPLETE),
    REFUND_LINE.DENIED: (),
    REFUND_LINE.COMPLETE: (),
}
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

# Otto's flow up to the order (replicas, see each module): its forked checkout app (free checkout,
# receipt), its BasketMiddleware (per-site baskets, offers applied per request, after
# CurrentSiteMiddleware), the BFF and Stripe payment URLs, one transaction per request.
INSTALLED_APPS = [
    "ecommerce.extensions.checkout.apps.CheckoutConfig" if app == "oscar.apps.checkout.apps.CheckoutConfig" else app
    for app in INSTALLED_APPS
]
MIDDLEWARE = [
    middleware for middleware in MIDDLEWARE
    if middleware not in ("oscar.apps.basket.middleware.BasketMiddleware",
                          "django.contrib.sites.middleware.CurrentSiteMiddleware")
]
_basket_at = MIDDLEWARE.index("waffle.middleware.WaffleMiddleware") + 1
MIDDLEWARE[_basket_at:_basket_at] = [
    "django.contrib.sites.middleware.CurrentSiteMiddleware",
    "ecommerce.extensions.basket.middleware.BasketMiddleware",
]
ROOT_URLCONF = "ecommerce.otto_urls"
DATABASES["default"]["ATOMIC_REQUESTS"] = True  # noqa: F405  (Otto's settings/base.py)
PAYMENT_PROCESSORS = [*PAYMENT_PROCESSORS, "ecommerce.extensions.payment.processors.stripe.Stripe"]  # noqa: F405
