"""
The ecommerce plugin's shipped defaults: no localhost URL, never a host value overwritten, every
annotated setting overridable, and a missing required setting stops the start.
"""
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from ecommerce_plugin.settings import checks, common, production

ANNOTATED = re.findall(r"# \.\. setting_name: (\w+)", Path(common.__file__).read_text())


def _fresh_host(**values):
    """A host settings module before the plugin's common settings ran."""
    return SimpleNamespace(TEMPLATES=[], INSTALLED_APPS=[], MIDDLEWARE=[], **values)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_every_setting_is_annotated_and_defaulted():
    host = _fresh_host()
    common.plugin_settings(host)
    assert len(ANNOTATED) >= 15
    assert set(ANNOTATED) <= set(vars(host))


def test_no_default_is_a_localhost_url():
    host = _fresh_host()
    common.plugin_settings(host)
    local = {name: value for name, value in vars(host).items()
             if any(re.search(r"localhost|127\.0\.0\.1", text) for text in _strings(value))}
    assert not local


def test_values_the_host_set_are_kept():
    host = _fresh_host(
        COMMERCE_LMS_URL_ROOT="https://lms.example.com", COMMERCE_MAX_SEATS_PER_ORDER=7,
        COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME=120, COMMERCE_CHECKOUT_STEPS=["host.steps.First"],
        COMMERCE_FULFILLMENT_MODULES=["host.modules.Donation"],
        OSCAR_INITIAL_ORDER_STATUS="Open", OSCAR_ORDER_STATUS_PIPELINE={"Pending": ("Open",), "Open": ("Cancelled",)},
    )
    common.plugin_settings(host)
    assert host.COMMERCE_LMS_URL_ROOT == "https://lms.example.com"
    assert host.COMMERCE_MAX_SEATS_PER_ORDER == 7 and host.COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME == 120
    steps = host.COMMERCE_CHECKOUT_STEPS
    # The host's step stays, before the plugin's appended ones (only the held-seat check goes first).
    assert steps.index("host.steps.First") < steps.index("ecommerce_plugin.discounts.steps.LmsDiscountStep")
    assert "host.modules.Donation" in host.COMMERCE_FULFILLMENT_MODULES
    # The host's statuses and transitions stay; ours are added.
    assert host.OSCAR_ORDER_STATUS_PIPELINE["Pending"] == ("Open",)
    assert set(host.OSCAR_ORDER_STATUS_PIPELINE["Open"]) == {"Cancelled", "Complete", "Fulfillment Error"}


def test_plugin_lists_keep_their_order_and_take_each_entry_once():
    host = _fresh_host()
    common.plugin_settings(host)
    common.plugin_settings(host)  # loaded twice (common, then a host that calls it again)
    modules = host.COMMERCE_FULFILLMENT_MODULES
    assert len(modules) == len(set(modules))
    assert modules[0].endswith("RegistrationCodesFulfillmentModule")  # before the seat module
    assert modules.index("ecommerce_plugin.fulfillment.modules.EnrollmentFulfillmentModule") < len(modules) - 1


def test_every_annotated_setting_is_overridable_through_env_tokens():
    host = _fresh_host()
    common.plugin_settings(host)
    host.ENV_TOKENS = {name: f"operator-{name}" for name in ANNOTATED}
    production.plugin_settings(host)
    assert {name: getattr(host, name) for name in ANNOTATED} == host.ENV_TOKENS


@pytest.mark.parametrize("name", common.REQUIRED)
def test_a_missing_required_setting_is_a_start_up_error_naming_it(name):
    host = _fresh_host()
    common.plugin_settings(host)
    for required in common.REQUIRED:
        setattr(host, required, "https://shop.example.com/x/")
    setattr(host, name, None)
    with pytest.raises(ImproperlyConfigured, match=name):
        checks.check_settings(host)
    setattr(host, name, "shop.example.com/no-scheme")
    with pytest.raises(ImproperlyConfigured, match=name):
        checks.check_settings(host)


def test_the_plugin_app_checks_its_settings_when_the_shop_starts(settings):
    settings.COMMERCE_LMS_URL_ROOT = None
    with pytest.raises(ImproperlyConfigured, match="COMMERCE_LMS_URL_ROOT"):
        apps.get_app_config("commerce_ecommerce").ready()


def test_the_sandbox_host_sets_the_required_settings_itself(settings):
    assert settings.COMMERCE_LMS_URL_ROOT == settings.LMS_URL_ROOT
    assert settings.COMMERCE_REGISTRATION_CODE_REDEEM_URL.endswith("/commerce/registration-codes/redeem/")
