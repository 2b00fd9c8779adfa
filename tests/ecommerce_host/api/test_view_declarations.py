"""
Every plugin API view names its own authentication and permission classes, whatever the host's
``REST_FRAMEWORK`` defaults are (Otto's differ from a stock Oscar shop's).
"""
import pytest
from django.test import override_settings
from django.urls import URLPattern, URLResolver
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from ecommerce_plugin import urls as plugin_urls


def _api_views(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _api_views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None) or getattr(pattern.callback, "cls", None)
            if view_class is not None and issubclass(view_class, APIView):
                yield prefix + str(pattern.pattern), view_class


VIEWS = sorted(_api_views(plugin_urls.urlpatterns), key=lambda item: item[0])


def test_the_walk_finds_the_plugin_api_views():
    assert len(VIEWS) >= 18


@pytest.mark.parametrize("route,view_class", VIEWS, ids=[route for route, _ in VIEWS])
def test_each_view_declares_jwt_or_session_and_signed_in_users(route, view_class):
    declared_in = next(
        klass for klass in view_class.__mro__ if "authentication_classes" in vars(klass)
    )
    assert declared_in.__module__.startswith("ecommerce_plugin."), route
    assert next(k for k in view_class.__mro__ if "permission_classes" in vars(k)).__module__.startswith(
        "ecommerce_plugin."
    ), route
    assert tuple(view_class.authentication_classes) == (JwtAuthentication, SessionAuthentication)
    assert IsAuthenticated in view_class.permission_classes


@override_settings(REST_FRAMEWORK={"DEFAULT_AUTHENTICATION_CLASSES": [], "DEFAULT_PERMISSION_CLASSES": []})
def test_a_host_with_open_defaults_still_gets_401_from_the_plugin(client, db):
    response = client.post("/api/commerce/v1/checkout/", {"basket_id": 1}, content_type="application/json")
    assert response.status_code in (401, 403)
    assert response.json()["error_code"] == "not_authenticated"
