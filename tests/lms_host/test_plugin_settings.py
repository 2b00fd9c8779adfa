"""
The LMS plugin's shipped defaults: no localhost URL, never a host value overwritten, every
annotated setting overridable through the YAML/ENV tokens.
"""
import re
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings as lms_settings

from lms_plugin.settings import common, production

ANNOTATED = re.findall(r"# \.\. setting_name: (\w+)", Path(common.__file__).read_text())


def _fresh_host(**values):
    return SimpleNamespace(INSTALLED_APPS=list(lms_settings.INSTALLED_APPS), OPEN_EDX_FILTERS_CONFIG={},
                           **values)


def test_every_setting_is_annotated_and_defaulted_with_no_localhost_url():
    host = _fresh_host()
    common.plugin_settings(host)
    assert set(ANNOTATED) <= set(vars(host))
    assert not [name for name in ANNOTATED if re.search(r"localhost|127\.0\.0\.1", str(getattr(host, name)))]


def test_values_the_host_set_are_kept():
    host = _fresh_host(COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE=20, COMMERCE_PENDING_ENROLLMENT_DASHBOARD_URL="/home",
                       COMMERCE_PENDING_ENROLLMENT_SECRET="s" * 40)
    common.plugin_settings(host)
    assert host.COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE == 20
    assert host.COMMERCE_PENDING_ENROLLMENT_DASHBOARD_URL == "/home"
    assert host.COMMERCE_PENDING_ENROLLMENT_SECRET == "s" * 40


def test_every_annotated_setting_is_overridable_through_env_tokens():
    host = _fresh_host()
    common.plugin_settings(host)
    host.ENV_TOKENS = {name: f"operator-{name}" for name in ANNOTATED}
    production.plugin_settings(host)
    assert {name: getattr(host, name) for name in ANNOTATED} == host.ENV_TOKENS
