"""
Every call the plugin makes to the LMS is bounded by the configured timeout.
"""
import pytest
from django.test import override_settings

from ecommerce_plugin import platform


@pytest.fixture
def sent(monkeypatch):
    """What reached requests' Session.request, with authentication out of the way."""
    calls = {}
    monkeypatch.setattr(platform.OAuthAPIClient, "_ensure_authentication", lambda self: None)
    monkeypatch.setattr("requests.Session.request", lambda session, method, url, **kwargs: calls.update(kwargs))
    return calls


@override_settings(COMMERCE_LMS_REQUEST_TIMEOUT=(1.5, 4))
def test_api_calls_carry_the_configured_timeout(sent):
    platform.lms_api_client().get("http://lms.test/api/x")
    assert sent["timeout"] == (1.5, 4)


@override_settings(COMMERCE_LMS_REQUEST_TIMEOUT=(1.5, 4))
def test_an_explicit_timeout_wins(sent):
    platform.lms_api_client().post("http://lms.test/api/x", json={}, timeout=9)
    assert sent["timeout"] == 9
