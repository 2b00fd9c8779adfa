"""
The LMS loads the plugin the way the platform does: entry point, settings, urls, signals.
"""
import inspect

from django.apps import apps
from django.conf import settings
from django.urls import get_resolver
from edx_django_utils.plugins import get_plugin_apps, get_plugin_url_patterns
from lms.envs import common as lms_common_settings

from lms_plugin.settings import production
from support.plugin_loading import changed_without_operator_tokens, host_settings_copy


def test_entry_point_gives_the_lms_our_app():
    assert "lms_plugin.apps.LmsPluginConfig" in get_plugin_apps("lms.djangoapp")


def test_host_settings_list_no_plugin_app_by_hand():
    # The app is installed, and only because get_plugin_apps put it there.
    assert apps.get_app_config("commerce_lms").name == "lms_plugin"
    assert "lms_plugin" not in inspect.getsource(lms_common_settings)


def test_add_plugins_applied_common_defaults():
    assert settings.COMMERCE_CCX_JOB_QUEUE is None
    assert not hasattr(settings, "COMMERCE_LMS_SERVICE_USERNAMES")  # services are trusted by credential, not name


def test_production_settings_take_operator_tokens():
    host = host_settings_copy()
    host.ENV_TOKENS = {"COMMERCE_CCX_JOB_QUEUE": "lms.ccx"}
    production.plugin_settings(host)
    assert host.COMMERCE_CCX_JOB_QUEUE == "lms.ccx"


def test_production_settings_keep_defaults_the_operator_did_not_override():
    assert changed_without_operator_tokens(production) == []


def test_plugin_url_patterns_mount_our_urls():
    patterns = get_plugin_url_patterns("lms.djangoapp")
    ours = [p for p in patterns if getattr(p, "namespace", None) == "commerce_lms"]
    assert len(ours) == 1
    assert ours[0].urlconf_module.__name__ == "lms_plugin.urls"
    assert "commerce_lms" in get_resolver().namespace_dict
