"""
Fixtures of the ecommerce suite; it runs inside the sandbox ecommerce service with its test settings.
"""
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from oscar.core.loading import get_model

from ecommerce_plugin.catalog.api import create_or_update_seat
from support import clients
from support.browser import chromium
from support.on_commit import django_capture_on_commit_callbacks  # noqa: F401  (Django 4.0 nesting on 3.2)

Partner = get_model("partner", "Partner")
DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle counts (and any other cached value) never leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browser(monkeypatch):
    """A headless chromium for the browser tests (``support.browser``)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # playwright's loop runs in this thread
    with chromium() as launched:
        yield launched


@pytest.fixture
def make_user(db):
    def make(username="learner", **fields):
        fields.setdefault("email", f"{username}@example.com")
        return get_user_model().objects.create_user(username=username, password="edx", **fields)

    return make


@pytest.fixture
def learner(make_user):
    return make_user("learner")


@pytest.fixture
def partner(db):
    return Partner.objects.get_or_create(code="edx", defaults={"name": "edX"})[0]


@pytest.fixture
def make_seat(partner):
    def make(course_key=DEMO_COURSE, certificate_type="verified", price="49.00", sku=None, **fields):
        return create_or_update_seat(
            partner=partner,
            course_key=course_key,
            course_title=fields.pop("course_title", "Demonstration Course"),
            certificate_type=certificate_type,
            price=Decimal(price),
            sku=sku or f"{certificate_type[:4].upper()}-{abs(hash(course_key)) % 10**6}",
            id_verification_required=fields.pop("id_verification_required", certificate_type == "verified"),
        )

    return make


@pytest.fixture
def verified_seat(make_seat):
    return make_seat()


@pytest.fixture
def client_for():
    """Builds DRF clients signed in as a user."""
    return clients.client_for
