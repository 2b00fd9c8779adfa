"""
Every DRF view the discovery_plugin mounts declares its own authentication and permission classes.
"""
from support.explicit_auth import plugin_views, undeclared


def test_the_walk_finds_the_plugin_views():
    assert len(plugin_views("discovery_plugin")) >= 3


def test_no_plugin_view_relies_on_the_hosts_drf_defaults():
    assert undeclared("discovery_plugin") == []


def test_no_plugin_view_declares_an_empty_list():
    for _route, view in plugin_views("discovery_plugin"):
        assert view.authentication_classes and view.permission_classes, view.__qualname__
