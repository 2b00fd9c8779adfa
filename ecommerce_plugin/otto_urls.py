"""
``ROOT_URLCONF`` for Otto with the plugin installed: Otto's own ``ecommerce.urls`` first, then
the plugin's patterns (``get_plugin_url_patterns``), since Otto loads no plugin URLs by itself.

Otto's patterns come first so a path both define is always Otto's; on Otto the plugin mounts
no checkout pages anyway (see ``urls.py``). Otto's error handlers are kept.
"""
from importlib import import_module

from edx_django_utils.plugins import get_plugin_url_patterns

from ecommerce_plugin.apps import PROJECT_TYPE

_otto_urls = import_module("ecommerce.urls")

urlpatterns = [*_otto_urls.urlpatterns, *get_plugin_url_patterns(PROJECT_TYPE)]
handler403 = getattr(_otto_urls, "handler403", "django.views.defaults.permission_denied")
handler404 = getattr(_otto_urls, "handler404", "django.views.defaults.page_not_found")
handler500 = getattr(_otto_urls, "handler500", "django.views.defaults.server_error")
