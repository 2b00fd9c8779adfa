"""
The plugin's settings loaded in Otto's order, on the replica of Otto's production settings
(``ecommerce.settings.otto_production``): Otto's base, then the operator's YAML (``ECOMMERCE_CFG``,
``vars().update``, ``JWT_AUTH`` updated), then the operator's lines from the README. Otto has no
``ENV_TOKENS``. Each load is a fresh interpreter, as a deployment's start-up is.
"""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SANDBOX = Path(__file__).resolve().parents[2] / "sandbox"

# The README's lines, after Otto's production settings (as the Tutor ecommerce-settings-common patch is).
OPERATOR_SETTINGS = """
from ecommerce.settings.otto_production import *  # noqa
{before_plugin}
from edx_django_utils.plugins import add_plugins, get_plugin_apps
INSTALLED_APPS += get_plugin_apps("ecommerce.djangoapp")
ROOT_URLCONF = "ecommerce_plugin.otto_urls"
add_plugins(__name__, "ecommerce.djangoapp", "common")
add_plugins(__name__, "ecommerce.djangoapp", "production")
"""

READ = """
import json
import django
from django.conf import settings
django.setup()
names = ["COMMERCE_ECOMMERCE_HOST", "COMMERCE_CCX_MAX_SEATS", "COMMERCE_REGISTRATION_CODE_REDEEM_URL",
         "COMMERCE_LMS_REQUEST_TIMEOUT", "COMMERCE_CODE_REDEMPTION_THROTTLE_RATES", "COMMERCE_CELERY_QUEUE",
         "CELERY_ROUTES", "ROOT_URLCONF"]
print(json.dumps({
    **{name: getattr(settings, name) for name in names},
    "timeout_type": type(settings.COMMERCE_LMS_REQUEST_TIMEOUT).__name__,
    "has_env_tokens": hasattr(settings, "ENV_TOKENS"),
    "jwt_issuers": [issuer["ISSUER"] for issuer in settings.JWT_AUTH["JWT_ISSUERS"]],
    "jwt_auth_keys": sorted(settings.JWT_AUTH),
    "plugin_installed": "ecommerce_plugin.ccx_purchases" in settings.INSTALLED_APPS,
}))
"""

YAML = """
COMMERCE_REGISTRATION_CODE_REDEEM_URL: https://shop.example.com/commerce/registration-codes/redeem/
COMMERCE_CCX_MAX_SEATS: 250
COMMERCE_LMS_REQUEST_TIMEOUT: [2, 5]
COMMERCE_CODE_REDEMPTION_THROTTLE_RATES: {user: 5/minute}
COMMERCE_CELERY_QUEUE: shop.commerce_plugin
JWT_AUTH:
  JWT_ISSUERS:
    - {ISSUER: "https://lms.example.com/oauth2", AUDIENCE: openedx, SECRET_KEY: lms-secret}
"""


def load(tmp_path, yaml_text=YAML, before_plugin=""):
    (tmp_path / "ecommerce.yml").write_text(yaml_text)
    (tmp_path / "operator_settings.py").write_text(OPERATOR_SETTINGS.format(before_plugin=before_plugin))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "operator_settings",
        "ECOMMERCE_CFG": str(tmp_path / "ecommerce.yml"),
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(SANDBOX / "ecommerce"), str(SANDBOX)]),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", textwrap.dedent(READ)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return load(tmp_path_factory.mktemp("otto-settings"))


def test_the_operators_yaml_reaches_the_plugin_without_env_tokens(loaded):
    assert not loaded["has_env_tokens"]
    assert loaded["COMMERCE_ECOMMERCE_HOST"] == "otto" and loaded["plugin_installed"]
    assert loaded["COMMERCE_CCX_MAX_SEATS"] == 250
    assert loaded["COMMERCE_REGISTRATION_CODE_REDEEM_URL"] == (
        "https://shop.example.com/commerce/registration-codes/redeem/"
    )
    assert loaded["ROOT_URLCONF"] == "ecommerce_plugin.otto_urls"


def test_yaml_lists_and_partial_dicts_are_read_as_the_plugin_needs_them(loaded):
    # YAML has no tuples: requests takes a (connect, read) timeout only as a tuple.
    assert (loaded["timeout_type"], loaded["COMMERCE_LMS_REQUEST_TIMEOUT"]) == ("tuple", [2, 5])
    # One key named: the other keeps the plugin's default, as Otto's DICT_UPDATE_KEYS do for JWT_AUTH.
    assert loaded["COMMERCE_CODE_REDEMPTION_THROTTLE_RATES"] == {"user": "5/minute", "ip": "60/minute"}


def test_the_plugin_tasks_follow_the_queue_the_yaml_names(loaded):
    assert loaded["COMMERCE_CELERY_QUEUE"] == "shop.commerce_plugin"
    assert loaded["CELERY_ROUTES"]["ecommerce_plugin.*"] == {"queue": "shop.commerce_plugin"}
    assert loaded["CELERY_ROUTES"]["commerce.*"] == {"queue": "shop.commerce_plugin"}


def test_otto_updates_jwt_auth_from_the_yaml_and_keeps_its_other_keys(loaded):
    assert loaded["jwt_issuers"] == ["https://lms.example.com/oauth2"]
    assert {"JWT_ALGORITHM", "JWT_ISSUERS", "JWT_PUBLIC_SIGNING_JWK_SET"} <= set(loaded["jwt_auth_keys"])


def test_a_line_after_otto_loads_the_yaml_wins_over_the_yaml(tmp_path):
    loaded = load(tmp_path, before_plugin="COMMERCE_CCX_MAX_SEATS = 300")
    assert loaded["COMMERCE_CCX_MAX_SEATS"] == 300


def test_without_the_plugins_settings_in_the_yaml_the_defaults_apply(tmp_path):
    loaded = load(tmp_path, "COMMERCE_REGISTRATION_CODE_REDEEM_URL: https://shop.example.com/redeem/\n")
    assert loaded["COMMERCE_CCX_MAX_SEATS"] == 10000
    assert (loaded["timeout_type"], loaded["COMMERCE_LMS_REQUEST_TIMEOUT"]) == ("tuple", [3.05, 10])
    assert loaded["COMMERCE_CELERY_QUEUE"] == "ecommerce.commerce_plugin"
