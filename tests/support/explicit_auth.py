"""
Which views a plugin mounts, and whether each says for itself who may call it.

Host services set different DRF defaults (Otto and course-discovery are not the sandbox): a
plugin view that inherits ``authentication_classes`` or ``permission_classes`` from
``APIView`` gets whatever the host configured. The walk finds every DRF view reachable from the
host's URLconf whose code lives in a plugin package and names the ones that declare neither.
"""
from django.urls import URLPattern, URLResolver, get_resolver

DECLARED = ("authentication_classes", "permission_classes")


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def drf_view_class(callback):
    """The DRF view class behind a URL callback, or None for a plain Django view."""
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is None:
        return None
    from rest_framework.views import APIView  # pylint: disable=import-outside-toplevel

    return view_class if issubclass(view_class, APIView) else None


def declaring_class(view_class, attribute):
    """The first class of the view's MRO that sets ``attribute`` itself."""
    return next(klass for klass in view_class.__mro__ if attribute in vars(klass))


def plugin_views(package):
    """``(route, view class)`` of every DRF view of ``package`` that the host routes."""
    views = []
    for route, callback in _walk(get_resolver().url_patterns):
        view_class = drf_view_class(callback)
        if view_class is not None and view_class.__module__.startswith(package + "."):
            views.append((route, view_class))
    return views


def undeclared(package):
    """
    ``route: View.attribute`` for every plugin view that takes an attribute from DRF's defaults.
    """
    missing = []
    for route, view_class in plugin_views(package):
        for attribute in DECLARED:
            owner = declaring_class(view_class, attribute)
            if not owner.__module__.startswith(package + "."):
                missing.append(f"{route}: {view_class.__name__}.{attribute} comes from {owner.__module__}")
    return missing
