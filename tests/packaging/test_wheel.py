"""
What an operator installs: one wheel, three plugins, nothing of the sandbox, Oscar only on request.
"""
import configparser
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PLUGIN_PACKAGES = {"lms_plugin", "ecommerce_plugin", "discovery_plugin"}
# The code the plugins share; it ships with them but is no plugin (no apps.py, settings or migrations).
SHARED_PACKAGES = {"commerce_plugins_common"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    # Built from a copy of the files git knows: a stale egg-info or build/ folder of a developer's
    # checkout would otherwise add files MANIFEST.in does not package.
    source = tmp_path_factory.mktemp("source")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO_ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO_ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
         str(source)],
        check=True,
    )
    (path,) = out.glob("openedx_commerce_plugins-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def _dist_info_file(archive, name):
    (member,) = [n for n in archive.namelist() if n.endswith(f".dist-info/{name}")]
    return archive.read(member).decode()


def test_wheel_holds_only_the_three_plugins_and_their_shared_package(wheel):
    top_level = {name.split("/")[0] for name in wheel.namelist() if ".dist-info/" not in name}
    assert top_level == PLUGIN_PACKAGES | SHARED_PACKAGES
    assert "commerce_plugins_common/__init__.py" in wheel.namelist()


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


# Templates and static files live in these folders of a plugin's feature apps.
ASSET_FOLDERS = ("templates", "templates_override", "static")
# A quoted template or static path in the plugins' code and templates.
ASSET_REFERENCE = re.compile(r"""["']([A-Za-z0-9_./-]+\.(?:html|txt|js|css))["']""")
# Template paths the plugins extend or include from a library (Oscar's and the Django admin's).
LIBRARY_TEMPLATE_PREFIXES = ("oscar/", "admin/")


def _source_assets():
    """
    Every file under a templates/static folder of the plugin packages, as (path in the wheel, path
    relative to its asset folder).
    """
    assets = []
    for package in sorted(PLUGIN_PACKAGES):
        for path in sorted((REPO_ROOT / package).rglob("*")):
            parts = path.relative_to(REPO_ROOT).parts
            folders = [index for index, part in enumerate(parts) if part in ASSET_FOLDERS]
            if path.is_file() and folders and "__pycache__" not in parts:
                assets.append(("/".join(parts), "/".join(parts[folders[0] + 1:])))
    return assets


def _references():
    found = {}
    for package in sorted(PLUGIN_PACKAGES):
        for path in (REPO_ROOT / package).rglob("*"):
            if path.suffix in (".py", ".html", ".txt", ".js") and path.is_file():
                for reference in ASSET_REFERENCE.findall(path.read_text(encoding="utf-8")):
                    found.setdefault(reference, str(path.relative_to(REPO_ROOT)))
    return found


def test_every_template_and_static_file_of_the_plugins_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    assets = _source_assets()
    assert any(path.endswith(".txt") for path, _ in assets)  # the codes email, the file that went missing
    missing = [path for path, _ in assets if path not in names]
    assert not missing, f"not packaged (MANIFEST.in): {missing}"


def test_every_template_and_static_file_the_plugins_reference_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    shipped = {relative for path, relative in _source_assets() if path in names}
    references = _references()
    assert "ecommerce_plugin/emails/base.html" in references
    assert "pending_enrollments/pending_enrollments.js" in references
    missing = {
        reference: where for reference, where in references.items()
        if reference not in shipped and not reference.startswith(LIBRARY_TEMPLATE_PREFIXES)
    }
    assert not missing, f"referenced but not in the wheel: {missing}"


def test_no_shipped_template_collects_card_data(wheel):
    templates = [name for name in wheel.namelist() if name.endswith((".html", ".txt"))]
    collecting = [
        name for name in templates
        if re.search(r"card[_-]?number|4111|cvv|cvc", wheel.read(name).decode(), re.IGNORECASE)
    ]
    assert templates and not collecting


def test_a_discovery_install_pulls_in_neither_drf_spectacular_nor_openedx_filters(wheel):
    """course-discovery ships neither (drf-yasg documents its API); only the LMS and shop extras bring them."""
    requires = [line for line in _dist_info_file(wheel, "METADATA").splitlines() if line.startswith("Requires-Dist:")]
    for library in ("drf-spectacular", "openedx-filters"):
        lines = [line for line in requires if line.lower().startswith(f"requires-dist: {library}")]
        assert lines and all("extra ==" in line for line in lines), (library, lines)
    assert any('drf-spectacular' in line and 'extra == "ecommerce"' in line for line in requires)
    assert any('openedx-filters' in line and 'extra == "lms"' in line for line in requires)
