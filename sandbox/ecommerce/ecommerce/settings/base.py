"""
Settings of the sandbox ecommerce service: a stock django-oscar shop, as Otto is one.

Plugin apps come only from the ``ecommerce.djangoapp`` entry points.
"""
import os
import warnings

from edx_django_utils.plugins import add_plugins, get_plugin_apps
from oscar.defaults import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

import sandbox_services
from ecommerce.plugins import PROJECT_TYPE, SettingsType

SECRET_KEY = os.environ.get("ECOMMERCE_SECRET_KEY", "sandbox-ecommerce-insecure-secret-key")
DEBUG = os.environ.get("SANDBOX_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
SITE_ID = 1
# Cookies ignore ports: on localhost the three hosts would overwrite each other's session.
SESSION_COOKIE_NAME = "ecommerce_sessionid"
CSRF_COOKIE_NAME = "ecommerce_csrftoken"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "oscar.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "oscar.apps.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "oscar.apps.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "rest_framework",
    "corsheaders",
    "waffle",
    "django_celery_results",
    "drf_spectacular",
    "ecommerce.apps.EcommerceSandboxConfig",
    "ecommerce.extensions.payment",
    "sandbox_ecommerce",
]
INSTALLED_APPS.extend(get_plugin_apps(PROJECT_TYPE))

MIDDLEWARE = sandbox_services.middleware("oscar.apps.basket.middleware.BasketMiddleware")
AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "ecommerce.urls"
WSGI_APPLICATION = "ecommerce.wsgi.application"
TEMPLATES = sandbox_services.templates(
    "oscar.apps.search.context_processors.search_form",
    "oscar.apps.communication.notifications.context_processors.notifications",
    "oscar.apps.checkout.context_processors.checkout",
    "oscar.core.context_processors.metadata",
)

DATABASES = {"default": sandbox_services.database("ecommerce")}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
# The simple backend has no index to update; it says so on every product save.
warnings.filterwarnings("ignore", message="update is not implemented in this backend")

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
STATIC_URL = "/static/"
STATIC_ROOT = str(sandbox_services.VAR_DIR / "ecommerce-static")
MEDIA_URL = "/media/"
MEDIA_ROOT = str(sandbox_services.VAR_DIR / "ecommerce-media")
LOGIN_URL = "/accounts/login/"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

OSCAR_SHOP_NAME = "Open edX sandbox shop"
OSCAR_DEFAULT_CURRENCY = "USD"
OSCAR_FROM_EMAIL = "ecommerce@example.com"
THUMBNAIL_DEBUG = False
OSCAR_EAGER_ALERTS = False

CORS_ALLOW_CREDENTIALS = True
CORS_ALLOWED_ORIGINS = []
CSRF_TRUSTED_ORIGINS = []

REST_FRAMEWORK = sandbox_services.rest_framework_settings()
SPECTACULAR_SETTINGS = {"TITLE": "Sandbox ecommerce", "VERSION": "1.0.0"}

# Verifies the LMS's JWTs (its JWK set); ecommerce never signs user tokens itself.
JWT_AUTH = sandbox_services.jwt_auth_settings()
JWT_AUTH.pop("JWT_PRIVATE_SIGNING_JWK")

# Where this service reaches the LMS, and the client credentials of its service user there.
LMS_URL_ROOT = sandbox_services.LMS_URL_ROOT
# The plugin's required settings (it ships no localhost defaults): set by the host, as an operator would.
COMMERCE_LMS_URL_ROOT = LMS_URL_ROOT
COMMERCE_REGISTRATION_CODE_REDEEM_URL = (
    f"http://localhost:{sandbox_services.ECOMMERCE_PORT}/commerce/registration-codes/redeem/"
)
BACKEND_SERVICE_EDX_OAUTH2_KEY = "ecommerce-backend-service-key"
BACKEND_SERVICE_EDX_OAUTH2_SECRET = os.environ.get("ECOMMERCE_OAUTH_SECRET", "ecommerce-backend-service-secret")
BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{sandbox_services.LMS_URL_ROOT}/oauth2"

# Signs the receipt's hand-off to the LMS (pending enrollments); the LMS sandbox has the same value.
COMMERCE_PENDING_ENROLLMENT_SECRET = sandbox_services.PENDING_ENROLLMENT_SECRET

PAYMENT_PROCESSORS = ["ecommerce.extensions.payment.processors.dev.DevPaymentProcessor"]

for _name, _value in sandbox_services.celery_settings("ecommerce").items():
    globals()[_name] = _value

OPEN_EDX_FILTERS_CONFIG = {}
# No APM agent in the sandbox; edx-django-utils would warn about New Relic on every start.
OPENEDX_TELEMETRY = []

LOGGING = sandbox_services.logging_settings()

add_plugins(__name__, PROJECT_TYPE, SettingsType.COMMON)
