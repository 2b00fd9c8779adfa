"""
The opt-in suite that runs the discovery plugin inside a real course-discovery (see README, "Checking in course-discovery").

It fails at once, rather than skipping, when the importable ``course_discovery`` is
not the real service (the sandbox replica has no ``course_discovery.apps.api``).
"""
import importlib.util

import pytest


def pytest_configure(config):
    if importlib.util.find_spec("course_discovery.apps.api.tests.jwt_utils") is None:
        raise pytest.UsageError(
            "tests/real_discovery runs inside a real course-discovery checkout: course_discovery.apps.api was not "
            "found. Run it from that checkout with DJANGO_SETTINGS_MODULE=settings (see the README)."
        )


@pytest.fixture
def partner(db):
    """
    Upstream's partner factory, bound to the current Site as upstream's tests do.
    """
    from course_discovery.apps.core.tests.factories import PartnerFactory  # noqa: PLC0415
    from django.conf import settings  # noqa: PLC0415
    from django.contrib.sites.models import Site  # noqa: PLC0415

    site, _ = Site.objects.update_or_create(id=settings.SITE_ID, defaults={"domain": "testserver", "name": "test"})
    return PartnerFactory(site=site)


@pytest.fixture
def user(db):
    from course_discovery.apps.core.tests.factories import UserFactory  # noqa: PLC0415

    return UserFactory()
