"""
Every DRF view the lms_plugin mounts declares its own authentication and permission classes,
so the LMS's DRF defaults never decide who may call it.
"""
from support.explicit_auth import plugin_views, undeclared


def test_the_walk_finds_the_plugin_views():
    assert len(plugin_views("lms_plugin")) >= 7  # CCX (4), discounts, paid enrollments, pending enrollments


def test_no_plugin_view_relies_on_the_hosts_drf_defaults():
    assert undeclared("lms_plugin") == []


def test_no_plugin_view_declares_an_empty_list():
    for _route, view in plugin_views("lms_plugin"):
        assert view.authentication_classes and view.permission_classes, view.__qualname__
