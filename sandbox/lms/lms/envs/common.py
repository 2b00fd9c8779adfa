"""
Settings of the sandbox LMS, shaped like openedx-platform ``lms/envs/common.py``.

Plugin apps come only from the ``lms.djangoapp`` entry points, exactly as the
platform loads them; no plugin app is listed by hand.

Checked against openedx-platform ``lms/envs/common.py`` and ``lms/envs/production.py`` at
0217ff8782640a24be97915878f76cde4cce0eef: CCX (``lms.djangoapps.ccx``) is not installed
here; ``CUSTOM_COURSES_EDX`` is off by default and the production (``sandbox.py``) and test
settings install the app, before their plugin settings phase, as upstream's do.
"""
import os
from pathlib import Path

from edx_django_utils.plugins import add_plugins, get_plugin_apps
from openedx.core.djangoapps.plugins.constants import ProjectType, SettingsType

import sandbox_services

HOST_ROOT = Path(__file__).resolve().parents[2]

SECRET_KEY = os.environ.get("LMS_SECRET_KEY", "sandbox-lms-insecure-secret-key")
DEBUG = os.environ.get("SANDBOX_DEBUG", "1") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
SITE_ID = 1
LMS_ROOT_URL = sandbox_services.LMS_URL_ROOT
ECOMMERCE_PUBLIC_URL_ROOT = f"http://localhost:{sandbox_services.ECOMMERCE_PORT}"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.staticfiles",
    "rest_framework",
    "corsheaders",
    "waffle",
    "django_celery_results",
    # openedx-platform lms/envs/common.py installs it (and its HistoryRequestMiddleware).
    "simple_history",
    "drf_spectacular",
    "openedx.core.djangoapps.plugins",
    "openedx.core.djangoapps.content.course_overviews",
    "openedx.core.djangoapps.enrollments",
    "openedx.core.djangoapps.oauth_dispatch",
    "common.djangoapps.student",
    "common.djangoapps.course_modes",
    "common.djangoapps.entitlements",
    "xmodule",
    "sandbox_lms",
]
INSTALLED_APPS.extend(get_plugin_apps(ProjectType.LMS))

# Where course_home_url points (upstream's common.py default is None; devstack's is this port).
LEARNING_MICROFRONTEND_URL = "http://localhost:2000"

# Custom Courses for edX: off by default; lms/envs/production.py installs the app when an operator turns it on.
CUSTOM_COURSES_EDX = False

MIDDLEWARE = sandbox_services.middleware("edx_rest_framework_extensions.auth.jwt.middleware.JwtAuthCookieMiddleware")

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"
TEMPLATES = sandbox_services.templates()

DATABASES = {"default": sandbox_services.database("lms")}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
STATIC_URL = "/static/"
STATIC_ROOT = str(sandbox_services.VAR_DIR / "lms-static")
LOGIN_URL = "/login"
LOGIN_REDIRECT_URL = "/dashboard"

# The platform's CORS defaults: nobody, unless a plugin or the operator says so.
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOWED_ORIGINS = []
CSRF_TRUSTED_ORIGINS = []

REST_FRAMEWORK = sandbox_services.rest_framework_settings()
SPECTACULAR_SETTINGS = {"TITLE": "Sandbox LMS", "VERSION": "1.0.0"}

JWT_AUTH = sandbox_services.jwt_auth_settings()
# The platform's user JWTs (create_jwt_for_user) last this long.
OAUTH_ID_TOKEN_EXPIRATION = 60 * 60
# Service clients that may obtain a JWT with client credentials (stand-in for DOT applications).
SANDBOX_OAUTH_CLIENTS = {
    "ecommerce-backend-service-key": {
        "secret": os.environ.get("ECOMMERCE_OAUTH_SECRET", "ecommerce-backend-service-secret"),
        "username": "ecommerce_worker",
    },
}

# Verifies ecommerce's signed receipt hand-off (pending enrollments); the ecommerce sandbox has the same value.
COMMERCE_PENDING_ENROLLMENT_SECRET = sandbox_services.PENDING_ENROLLMENT_SECRET

for _name, _value in sandbox_services.celery_settings("lms").items():
    globals()[_name] = _value

OPEN_EDX_FILTERS_CONFIG = {}
# No APM agent in the sandbox; edx-django-utils would warn about New Relic on every start.
OPENEDX_TELEMETRY = []
EVENT_BUS_PRODUCER_CONFIG = {}

LOGGING = sandbox_services.logging_settings()

add_plugins(__name__, ProjectType.LMS, SettingsType.COMMON)
