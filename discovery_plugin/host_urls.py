"""
A URL module for course-discovery's ``ROOT_URLCONF``: the plugin's API in front of the host's own urls.

course-discovery's ``urls.py`` mounts no plugin urls, so an operator sets
``ROOT_URLCONF = "discovery_plugin.host_urls"``; everything upstream serves stays
where it was.
"""
from django.urls import include, path

from discovery_plugin import platform

urlpatterns = [
    path("", include(("discovery_plugin.urls", "commerce_discovery"), namespace="commerce_discovery")),
    *platform.host_urlpatterns(),
]
