"""
The ecommerce service loads the plugin as an operator wires it: entry point, settings, urls, signals.
"""
import inspect

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import get_resolver
from ecommerce.settings import base as host_base_settings
from edx_django_utils.plugins import get_plugin_apps, get_plugin_url_patterns

from ecommerce_plugin.settings import production
from support.plugin_loading import changed_without_operator_tokens, host_settings_copy


def test_entry_point_gives_the_ecommerce_our_app():
    assert "ecommerce_plugin.apps.EcommercePluginConfig" in get_plugin_apps("ecommerce.djangoapp")


def test_host_settings_list_no_plugin_app_by_hand():
    # The app is installed, and only because get_plugin_apps put it there.
    assert apps.get_app_config("commerce_ecommerce").name == "ecommerce_plugin"
    assert "ecommerce_plugin" not in inspect.getsource(host_base_settings)


def test_add_plugins_applied_common_defaults():
    assert settings.COMMERCE_LMS_URL_ROOT == settings.LMS_URL_ROOT  # set by the host: the plugin has no default
    assert settings.COMMERCE_LMS_REQUEST_TIMEOUT == (3.05, 10)


def test_production_settings_take_operator_tokens():
    host = host_settings_copy()
    host.ENV_TOKENS = {"COMMERCE_LMS_URL_ROOT": "https://lms.example.com"}
    production.plugin_settings(host)
    assert host.COMMERCE_LMS_URL_ROOT == "https://lms.example.com"


def test_production_settings_keep_defaults_the_operator_did_not_override():
    assert changed_without_operator_tokens(production) == []


@pytest.mark.django_db
def test_the_shop_is_a_real_oscar_shop(client):
    assert "oscar.config.Shop" in settings.INSTALLED_APPS
    assert client.get("/basket/").status_code == 200


def test_plugin_url_patterns_mount_our_urls():
    patterns = get_plugin_url_patterns("ecommerce.djangoapp")
    ours = [p for p in patterns if getattr(p, "namespace", None) == "commerce_ecommerce"]
    assert len(ours) == 1
    assert ours[0].urlconf_module.__name__ == "ecommerce_plugin.urls"
    assert "commerce_ecommerce" in get_resolver().namespace_dict
