"""
Which real services this machine offers, and how a test demands one.

Tests that need MariaDB, Redis or a browser carry a marker (``mariadb``,
``redis``, ``browser``). Under ``CI=true`` a missing service fails the test:
CI has them all, so absence is a broken machine, not a reason to pass. On a
developer machine without them the test is skipped with a reason that names
the service, and ``make test`` prints that it skipped the services pass.
"""
import os
import shutil
import socket
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
MARIADB_URL = os.environ.get("TEST_MARIADB_URL", "mysql://root@127.0.0.1:3306/commerce")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
SERVICE_MARKERS = ("mariadb", "redis", "browser")


def in_ci():
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def port_open(url, timeout=0.5):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port), timeout=timeout):
            return True
    except OSError:
        return False


def missing_service(marker_name):
    """
    Why the service a marker names cannot be used here, or None when it can.
    """
    if marker_name == "mariadb":
        from django.db import connection  # pylint: disable=import-outside-toplevel

        if connection.vendor != "mysql":
            return "this test needs MariaDB: run it in the services pass (DATABASE_URL=mysql://...)"
        return None
    if marker_name == "redis":
        broker = os.environ.get("CELERY_BROKER_URL", "")
        if not broker.startswith("redis"):
            return "this test needs Redis: run it in the services pass (CELERY_BROKER_URL=redis://...)"
        return None if port_open(broker) else f"Redis is not reachable at {broker}"
    if marker_name == "browser":
        return None if shutil.which(CHROMIUM) else f"{CHROMIUM} is not installed (apt-get install -y chromium)"
    raise ValueError(marker_name)


def pytest_configure(config):
    config.addinivalue_line("markers", "mariadb: needs MariaDB (services pass)")
    config.addinivalue_line("markers", "redis: needs Redis as the celery broker (services pass)")
    config.addinivalue_line("markers", "browser: needs Debian's chromium")


def pytest_runtest_setup(item):
    for marker_name in SERVICE_MARKERS:
        if item.get_closest_marker(marker_name) is None:
            continue
        reason = missing_service(marker_name)
        if reason is None:
            continue
        if in_ci():
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
