"""
How every sandbox host finds its database, broker and JWT keys.

The embedded default is a SQLite file per host and celery's filesystem
transport in ``sandbox/var/``: nothing to install, and a real worker process can
still consume the queue. ``DATABASE_URL`` and ``CELERY_BROKER_URL`` switch a
host to MariaDB/PostgreSQL and Redis/RabbitMQ, the way Open edX runs in
production and the way CI tests it. This module knows no host; each host's
settings call it with its own name.
"""
import json
import os
from pathlib import Path

SANDBOX_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SANDBOX_VAR_DIR", SANDBOX_DIR / "var"))
KEYS_DIR = SANDBOX_DIR / "keys"

# Fixed local ports of the demo, the ports Open edX devstack uses for the same services.
LMS_PORT = 18000
ECOMMERCE_PORT = 18130
DISCOVERY_PORT = 18381
LMS_URL_ROOT = os.environ.get("SANDBOX_LMS_URL_ROOT", f"http://localhost:{LMS_PORT}")
JWT_ISSUER = f"{LMS_URL_ROOT}/oauth2"
JWT_AUDIENCE = "lms-key"
# The JWT secret every service shares (Tutor's JWT_COMMON_SECRET_KEY): the LMS signs symmetric
# user JWTs with it (its default, see oauth_dispatch/jwt.py) and the other services verify them
# with it as their issuer's SECRET_KEY.
JWT_COMMON_SECRET_KEY = os.environ.get("JWT_COMMON_SECRET_KEY", "sandbox-jwt-common-secret-key-not-for-production")
# Shared by the LMS and ecommerce sandboxes: signs the receipt's hand-off of pending enrollments.
PENDING_ENROLLMENT_SECRET = os.environ.get("COMMERCE_PENDING_ENROLLMENT_SECRET", "sandbox-pending-enrollment-secret")


def database(host_name):
    """
    The ``default`` database of one host: ``DATABASE_URL`` if set, else ``var/<host>.sqlite3``.

    With a MySQL URL each host gets its own schema (``<name>_<host>``) so three
    hosts can share one server without sharing tables, as separate services do.
    ``SANDBOX_DATABASE_NAME`` names the database exactly; the test suites set it
    for the worker and server processes they start, so those see the test database.
    """
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("DATABASE_URL")
    exact_name = os.environ.get("SANDBOX_DATABASE_NAME")
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": exact_name or str(VAR_DIR / f"{host_name}.sqlite3"),
            "OPTIONS": sqlite_options(),
            # One file per test process, so suites run side by side without sharing a database.
            "TEST": {"NAME": str(VAR_DIR / f"test_{host_name}_{os.getpid()}.sqlite3")},
        }
    import dj_database_url  # noqa: PLC0415  (only the sandbox hosts have it; the Otto suite reads the keys)

    config = dj_database_url.parse(url, conn_max_age=0)
    config["NAME"] = exact_name or f"{config['NAME'] or 'commerce'}_{host_name}"
    if config["ENGINE"] == "django.db.backends.mysql":
        config.setdefault("OPTIONS", {}).update(
            {"charset": "utf8mb4", "isolation_level": "read committed"}
        )
        config["TEST"] = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}
    return config


def celery_settings(host_name):
    """
    Celery settings for one host: ``CELERY_BROKER_URL`` if set, else the filesystem transport.

    Results always go to the host's database (django-celery-results), so job
    state outlives a worker or broker restart.
    """
    broker_url = os.environ.get("CELERY_BROKER_URL")
    settings = {
        "CELERY_RESULT_BACKEND": "django-db",
        "CELERY_RESULT_EXTENDED": True,
        "CELERY_TASK_ACKS_LATE": True,
        "CELERY_TASK_REJECT_ON_WORKER_LOST": True,
        "CELERY_WORKER_PREFETCH_MULTIPLIER": 1,
        # SANDBOX_CELERY_QUEUE: a test's own queue, so its worker never takes another suite's tasks.
        "CELERY_TASK_DEFAULT_QUEUE": os.environ.get("SANDBOX_CELERY_QUEUE") or f"{host_name}.default",
        "CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP": True,
    }
    # "filesystem://" (what a test passes to the worker it starts) is the embedded default too.
    if broker_url and not broker_url.startswith("filesystem"):
        settings["CELERY_BROKER_URL"] = broker_url
        if broker_url.startswith("redis"):
            # A task a worker took but never acknowledged goes back to the queue after this long
            # (seconds; CELERY_REDIS_VISIBILITY_TIMEOUT lets a test of redelivery wait less).
            # The sweep that restores such tasks runs every unacked_restore_interval seconds
            # (kombu's default sweep period is 10 * 10 s, far longer than the timeout). kombu 5.3
            # (Otto's pin) has neither option: it sweeps when a worker starts, then every 100 s.
            visibility_timeout = int(os.environ.get("CELERY_REDIS_VISIBILITY_TIMEOUT", "30"))
            settings["CELERY_BROKER_TRANSPORT_OPTIONS"] = {
                "visibility_timeout": visibility_timeout,
                "unacked_restore_interval": max(1, visibility_timeout // 4),
                "unacked_restore_throttle": 1,
            }
    else:
        queue_dir = VAR_DIR / f"{host_name}-broker"
        (queue_dir / "processed").mkdir(parents=True, exist_ok=True)
        # A host name kombu ignores: without one it logs "No hostname was supplied" on every
        # connection, into each management command's output.
        settings["CELERY_BROKER_URL"] = "filesystem://localhost//"
        settings["CELERY_BROKER_TRANSPORT_OPTIONS"] = {
            "data_folder_in": str(queue_dir),
            "data_folder_out": str(queue_dir),
            "processed_folder": str(queue_dir / "processed"),
            # Broadcast (pidbox) exchanges; kombu would otherwise write them in the working directory.
            "control_folder": str(queue_dir / "control"),
        }
    return settings


def sqlite_options():
    """
    SQLite writers take the lock at BEGIN (``transaction_mode``, Django 5.1+), so concurrent writers
    wait rather than fail; the LMS of Sumac and Teak runs Django 4.2, which lacks the option.
    """
    import django  # noqa: PLC0415

    options = {"timeout": 20}
    if django.VERSION >= (5, 1):
        options["transaction_mode"] = "IMMEDIATE"
    return options


def jwt_private_signing_jwk():
    """
    The LMS's signing key. The sandbox ships a development key; production sets its own.
    """
    return os.environ.get("JWT_PRIVATE_SIGNING_JWK") or (KEYS_DIR / "jwt_private_dev.json").read_text()


def jwt_public_signing_jwk_set():
    return os.environ.get("JWT_PUBLIC_SIGNING_JWK_SET") or json.dumps(
        json.loads((KEYS_DIR / "jwt_public_dev.json").read_text())
    )


def jwt_auth_settings():
    """
    ``JWT_AUTH`` as every Open edX service has it: one issuer (the LMS), verified by its JWK set or,
    for symmetric tokens, the shared ``JWT_COMMON_SECRET_KEY`` (never the host's own SECRET_KEY).
    """
    secret_key = JWT_COMMON_SECRET_KEY
    return {
        "JWT_ISSUER": JWT_ISSUER,
        "JWT_AUDIENCE": JWT_AUDIENCE,
        "JWT_SECRET_KEY": secret_key,
        "JWT_ALGORITHM": "HS256",
        "JWT_SIGNING_ALGORITHM": "RS512",
        "JWT_SUPPORTED_VERSION": "1.2.0",
        "JWT_VERIFY_EXPIRATION": True,
        "JWT_VERIFY_AUDIENCE": True,
        "JWT_EXPIRATION": 3600,
        "JWT_PRIVATE_SIGNING_JWK": jwt_private_signing_jwk(),
        "JWT_PUBLIC_SIGNING_JWK_SET": jwt_public_signing_jwk_set(),
        "JWT_ISSUERS": [{"ISSUER": JWT_ISSUER, "AUDIENCE": JWT_AUDIENCE, "SECRET_KEY": secret_key}],
        "JWT_AUTH_COOKIE": "edx-jwt-cookie",
        "JWT_AUTH_HEADER_PREFIX": "JWT",
        "JWT_DECODE_HANDLER": "edx_rest_framework_extensions.auth.jwt.decoder.jwt_decode_handler",
        "JWT_PAYLOAD_GET_USERNAME_HANDLER": lambda payload: payload.get("preferred_username"),
    }


def logging_settings():
    """
    Console logging for a host. Django's own ``django`` logger would print every request
    error a second time through its default handler; here it only propagates to the root.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "root": {"handlers": ["console"], "level": os.environ.get("SANDBOX_LOG_LEVEL", "INFO")},
        "loggers": {"django": {"handlers": [], "propagate": True}},
    }


def templates(*extra_context_processors):
    """
    ``TEMPLATES`` of a host: app templates, the usual context processors plus the host's own.
    """
    return [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [],
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.debug",
                    "django.template.context_processors.request",
                    "django.template.context_processors.static",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                    *extra_context_processors,
                ]
            },
        }
    ]


def rest_framework_settings():
    """
    ``REST_FRAMEWORK`` as Open edX services set it: JWT for services, session for browsers.
    """
    return {
        "DEFAULT_AUTHENTICATION_CLASSES": [
            "edx_rest_framework_extensions.auth.jwt.authentication.JwtAuthentication",
            "rest_framework.authentication.SessionAuthentication",
        ],
        "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
        "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    }


def middleware(*host_specific):
    """
    ``MIDDLEWARE`` of a host: the stack every Open edX service runs, then the host's own.
    """
    return [
        # Per-request caches (edx-toggles reads waffle through them), as the platform has.
        "edx_django_utils.cache.middleware.RequestCacheMiddleware",
        "corsheaders.middleware.CorsMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "crum.CurrentRequestUserMiddleware",
        "waffle.middleware.WaffleMiddleware",
        *host_specific,
    ]
