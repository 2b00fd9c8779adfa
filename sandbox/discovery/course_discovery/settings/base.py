"""
Settings of the sandbox discovery service, shaped like course-discovery ``course_discovery/settings/base.py``.

course-discovery loads no plugins by itself. The ``get_plugin_apps`` /
``add_plugins`` lines below, and ``ROOT_URLCONF`` pointing at the plugin's URL
wrapper, are the lines the README tells an operator to add; no plugin app is
listed by hand.
"""
import os
from pathlib import Path

from edx_django_utils.plugins import add_plugins, get_plugin_apps

import sandbox_services
from course_discovery.sandbox_plugins import PROJECT_TYPE, SettingsType

HOST_ROOT = Path(__file__).resolve().parents[2]

SECRET_KEY = os.environ.get("DISCOVERY_SECRET_KEY", "sandbox-discovery-insecure-secret-key")
DEBUG = os.environ.get("SANDBOX_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
SITE_ID = 1
# Cookies ignore ports: on localhost the three hosts would overwrite each other's session.
SESSION_COOKIE_NAME = "discovery_sessionid"
CSRF_COOKIE_NAME = "discovery_csrftoken"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    # As upstream: the current Site is the one whose domain is the request's host, else SITE_ID.
    "django_sites_extensions",
    "django.contrib.staticfiles",
    "rest_framework",
    "corsheaders",
    "waffle",
    "django_celery_results",
    "drf_yasg",
    "sortedm2m",
    "course_discovery.sandbox_plugins.PluginSignalsConfig",
    "course_discovery.apps.core",
    "course_discovery.apps.course_metadata",
    "sandbox_discovery",
]
INSTALLED_APPS.extend(get_plugin_apps(PROJECT_TYPE))

MIDDLEWARE = sandbox_services.middleware(
    "edx_rest_framework_extensions.auth.jwt.middleware.JwtAuthCookieMiddleware",
    "django.contrib.sites.middleware.CurrentSiteMiddleware",
)

# course-discovery's urls.py mounts no plugin urls; the plugin's wrapper adds them in front.
ROOT_URLCONF = "discovery_plugin.host_urls"
WSGI_APPLICATION = "course_discovery.wsgi.application"
TEMPLATES = sandbox_services.templates()

DATABASES = {"default": sandbox_services.database("discovery")}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
AUTH_USER_MODEL = "core.User"

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
STATIC_URL = "/static/"
STATIC_ROOT = str(sandbox_services.VAR_DIR / "discovery-static")
LOGIN_URL = "/admin/login/"

CORS_ALLOW_CREDENTIALS = True
CORS_ALLOWED_ORIGINS = []
CSRF_TRUSTED_ORIGINS = []

# course-discovery's own REST defaults (settings/base.py): model permissions, page size 20,
# API docs by drf-yasg. The plugin's views must work under them; it sets what it needs itself.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": (
        "edx_rest_framework_extensions.auth.jwt.authentication.JwtAuthentication",
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ),
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.DjangoModelPermissions",),
    "PAGE_SIZE": 20,
}
SWAGGER_USE_COMPAT_RENDERERS = False

# Verifies the LMS's JWTs (its JWK set); discovery never signs user tokens itself.
JWT_AUTH = sandbox_services.jwt_auth_settings()
JWT_AUTH.pop("JWT_PRIVATE_SIGNING_JWK")

# Where this service reaches the LMS, and the client credentials of its service user there.
LMS_URL_ROOT = sandbox_services.LMS_URL_ROOT
ECOMMERCE_API_URL = f"http://localhost:{sandbox_services.ECOMMERCE_PORT}/api/v2"
BACKEND_SERVICE_EDX_OAUTH2_KEY = "discovery-backend-service-key"
BACKEND_SERVICE_EDX_OAUTH2_SECRET = os.environ.get("DISCOVERY_OAUTH_SECRET", "discovery-backend-service-secret")
BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{sandbox_services.LMS_URL_ROOT}/oauth2"

for _name, _value in sandbox_services.celery_settings("discovery").items():
    globals()[_name] = _value

OPEN_EDX_FILTERS_CONFIG = {}
# No APM agent in the sandbox; edx-django-utils would warn about New Relic on every start.
OPENEDX_TELEMETRY = []
EVENT_BUS_PRODUCER_CONFIG = {}

LOGGING = sandbox_services.logging_settings()

add_plugins(__name__, PROJECT_TYPE, SettingsType.COMMON)
