"""
Every lms_plugin API view names its authentication and permission classes itself (a class of
the plugin sets them), so the LMS's DRF defaults never decide who may call it.
"""
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView


def _views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "cls", None) or getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                yield view_class


def _declared_by_the_plugin(view_class, attribute):
    for klass in view_class.__mro__:
        if attribute in vars(klass):
            return klass.__module__.startswith("lms_plugin.")
    return False


def test_every_plugin_api_view_declares_authentication_and_permissions():
    plugin_views = {
        view for view in _views(get_resolver().url_patterns)
        if view.__module__.startswith("lms_plugin.") and issubclass(view, APIView)
    }

    assert len(plugin_views) >= 7  # CCX (4), discounts, paid enrollments, pending enrollments
    undeclared = [
        view.__qualname__ for view in plugin_views
        if not (_declared_by_the_plugin(view, "authentication_classes")
                and _declared_by_the_plugin(view, "permission_classes"))
    ]
    assert undeclared == []
    for view in plugin_views:
        assert view.authentication_classes and view.permission_classes, view.__qualname__
