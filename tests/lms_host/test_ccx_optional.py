"""
CCX is optional in the LMS: with ``CUSTOM_COURSES_EDX`` off the LMS boots, checks and migrates
with the plugin loaded and CCX v1 is not routed; with it on, the CCX feature is there.

The off case runs the sandbox LMS's production-shaped settings (``lms.envs.sandbox``) in a
child process, as an operator's LMS starts: the platform decides on CCX only after reading
the operator's values, so only a fresh settings load shows what the plugin does then.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import resolve

from lms_plugin.settings import common, production
from lms_plugin.settings import test as test_phase

LMS_ROOT = Path(__file__).resolve().parents[2] / "sandbox" / "lms"

PROBE = """
import json
import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.urls import Resolver404, resolve

django.setup()
call_command("check", fail_level="WARNING")
call_command("migrate", interactive=False, verbosity=0)
try:
    resolve("/api/ccx/v1/ccx/")
    routed = True
except Resolver404:
    routed = False
from lms_plugin import api
from django.contrib.auth.models import User
from django.test import Client
staff = User.objects.create_user("staff", "staff@example.com", is_staff=True)
client = Client()
client.force_login(staff)
answers = {
    "facts": client.get("/api/commerce/paid-enrollments/v1/courses/course-v1:a+b+c/").status_code,
    "pending": client.get("/api/pending_enrollments/v1/status/").status_code,
    "discount": client.get("/api/discounts/v2/course/course-v1:a+b+c").status_code,
    "dashboard": client.get("/dashboard").status_code,
    "schema": client.get("/api/schema/").status_code,
}
loader = MigrationLoader(None)
print(json.dumps({
    "ccx_apps": sorted(a for a in settings.INSTALLED_APPS if "ccx" in a),
    "commerce_ccx_models": [m.__name__ for m in apps.get_models() if m._meta.app_label == "commerce_ccx"],
    "depends_on_ccx": [key for key, m in loader.graph.nodes.items() if ("ccx", "0001_initial") in m.dependencies],
    "ccx_v1_routed": routed,
    "api_has_ccx": hasattr(api, "get_ccx"),
    "plugin_apps": sorted(a for a in settings.INSTALLED_APPS if a.startswith("lms_plugin")),
    "answers": answers,
}))
"""


def _boot_lms(tmp_path, custom_courses_edx):
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update({
        "DJANGO_SETTINGS_MODULE": "lms.envs.sandbox",
        "LMS_ENV_TOKENS": json.dumps({"CUSTOM_COURSES_EDX": custom_courses_edx}),
        "SANDBOX_DATABASE_NAME": str(tmp_path / "lms.sqlite3"),
        "SANDBOX_VAR_DIR": str(tmp_path),
        "PYTHONPATH": os.pathsep.join([str(LMS_ROOT), str(LMS_ROOT.parent), env.get("PYTHONPATH", "")]),
    })
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=LMS_ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_lms_without_ccx_checks_migrates_and_has_no_ccx_v1(tmp_path):
    state = _boot_lms(tmp_path, custom_courses_edx=False)

    assert state["ccx_apps"] == []
    assert state["commerce_ccx_models"] == []
    assert state["depends_on_ccx"] == []
    assert state["ccx_v1_routed"] is False
    assert state["api_has_ccx"] is False
    assert state["plugin_apps"] == [
        "lms_plugin.apps.LmsPluginConfig", "lms_plugin.discounts", "lms_plugin.paid_enrollments",
        "lms_plugin.pending_enrollments",
    ]
    # The other features answer as they do with CCX on (an unknown course: 404; the rest: 200).
    assert state["answers"] == {"facts": 404, "pending": 200, "discount": 200, "dashboard": 200, "schema": 200}


def test_lms_with_ccx_installs_the_feature_after_the_platforms_app(tmp_path):
    state = _boot_lms(tmp_path, custom_courses_edx=True)

    assert state["ccx_apps"] == ["lms.djangoapps.ccx", "lms_plugin.ccx"]
    assert sorted(state["commerce_ccx_models"]) == ["CcxExternalId", "CcxJob"]
    assert state["depends_on_ccx"] == [["commerce_ccx", "0001_initial"]]
    assert state["ccx_v1_routed"] is True
    assert state["api_has_ccx"] is True


def test_this_suite_runs_with_ccx_on():
    assert apps.is_installed("lms.djangoapps.ccx")
    assert apps.is_installed("lms_plugin.ccx")
    assert settings.INSTALLED_APPS.index("lms_plugin.ccx") > settings.INSTALLED_APPS.index("lms.djangoapps.ccx")
    assert resolve("/api/ccx/v1/ccx/").url_name == "list"


class _Settings:
    def __init__(self, installed_apps):
        self.INSTALLED_APPS = list(installed_apps)
        self.ENV_TOKENS = {}


@pytest.mark.parametrize("phase", [production.plugin_settings, test_phase.plugin_settings])
def test_each_late_phase_installs_the_feature_only_with_the_hosts_ccx_app(phase):
    plugin_defaults = _Settings(["lms_plugin"])
    common.plugin_settings(plugin_defaults)
    assert "lms_plugin.ccx" not in plugin_defaults.INSTALLED_APPS  # the common phase: CCX not decided yet

    without_ccx = _Settings(plugin_defaults.INSTALLED_APPS)
    _copy_plugin_defaults(plugin_defaults, without_ccx)
    phase(without_ccx)
    assert "lms_plugin.ccx" not in without_ccx.INSTALLED_APPS

    with_ccx = _Settings([*plugin_defaults.INSTALLED_APPS, "lms.djangoapps.ccx"])
    _copy_plugin_defaults(plugin_defaults, with_ccx)
    phase(with_ccx)
    phase(with_ccx)
    assert with_ccx.INSTALLED_APPS.count("lms_plugin.ccx") == 1
    assert with_ccx.INSTALLED_APPS[-1] == "lms_plugin.ccx"


def test_a_host_whose_common_settings_install_ccx_gets_the_feature_in_the_common_phase():
    host = _Settings(["lms.djangoapps.ccx", "lms_plugin"])
    common.plugin_settings(host)
    assert host.INSTALLED_APPS.count("lms_plugin.ccx") == 1


def _copy_plugin_defaults(source, target):
    for name, value in vars(source).items():
        if name.isupper() and name != "INSTALLED_APPS":
            setattr(target, name, value)

