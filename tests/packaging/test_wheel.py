"""
What an operator installs: one wheel, three plugins, nothing of the sandbox, Oscar only on request.
"""
import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PLUGIN_PACKAGES = {"lms_plugin", "ecommerce_plugin", "discovery_plugin"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
         str(REPO_ROOT)],
        check=True,
    )
    (path,) = out.glob("openedx_commerce_plugins-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def _dist_info_file(archive, name):
    (member,) = [n for n in archive.namelist() if n.endswith(f".dist-info/{name}")]
    return archive.read(member).decode()


def test_wheel_holds_only_the_three_plugins(wheel):
    top_level = {name.split("/")[0] for name in wheel.namelist() if ".dist-info/" not in name}
    assert top_level == PLUGIN_PACKAGES


def test_wheel_ships_no_sandbox_replica_or_test(wheel):
    names = wheel.namelist()
    assert not [n for n in names if n.startswith(("sandbox/", "tests/", "bench/", "lms/", "openedx/", "common/"))]
    assert not [n for n in names if "/tests/" in n]


def test_each_plugin_ships_its_settings_and_migrations(wheel):
    names = set(wheel.namelist())
    for package in PLUGIN_PACKAGES:
        for module in ("apps.py", "settings/common.py", "settings/production.py", "settings/test.py"):
            assert f"{package}/{module}" in names
        assert f"{package}/migrations/__init__.py" in names


def test_entry_points_name_each_service_group(wheel):
    parser = configparser.ConfigParser()
    parser.read_string(_dist_info_file(wheel, "entry_points.txt"))
    assert parser["lms.djangoapp"]["commerce_lms"] == "lms_plugin.apps:LmsPluginConfig"
    assert parser["ecommerce.djangoapp"]["commerce_ecommerce"] == "ecommerce_plugin.apps:EcommercePluginConfig"
    assert parser["discovery.djangoapp"]["commerce_discovery"] == "discovery_plugin.apps:DiscoveryPluginConfig"


def test_oscar_comes_only_with_the_ecommerce_extra(wheel):
    requires = [line for line in _dist_info_file(wheel, "METADATA").splitlines() if line.startswith("Requires-Dist:")]
    oscar = [line for line in requires if "django-oscar" in line.lower()]
    assert oscar and all('extra == "ecommerce"' in line for line in oscar)
    assert any(line.startswith("Requires-Dist: Django") for line in requires)
