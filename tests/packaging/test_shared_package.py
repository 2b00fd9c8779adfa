"""
``commerce_plugins_common``, the code the three plugins share, is imported in every host (the LMS,
Otto on Django 3.2, a stock Oscar shop on Django 5.2, course-discovery): it imports no host and
no plugin, the modules course-discovery uses need no drf-spectacular, and it marks no text for
translation (no plugin's catalog would extract it; each plugin passes its own translated text).
"""
import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = REPO_ROOT / "commerce_plugins_common"
# Top-level modules of the hosts and of the plugins.
FOREIGN = {"lms", "openedx", "cms", "xmodule", "oscar", "ecommerce", "course_discovery", "lms_plugin",
           "ecommerce_plugin", "discovery_plugin"}

IMPORT = """
import importlib, json, sys
import django
from django.conf import settings
settings.configure(INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.admin",
                                   "rest_framework"])
django.setup()
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted({module.split(".")[0] for module in sys.modules})))
"""


def imported_by(*modules):
    result = subprocess.run([sys.executable, "-c", IMPORT, *modules], cwd=REPO_ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return set(json.loads(result.stdout))


def test_every_shared_module_loads_with_django_alone_and_imports_no_host_or_plugin():
    modules = sorted(f"commerce_plugins_common.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem != "__init__")
    assert "commerce_plugins_common.api_errors" in modules
    assert not imported_by(*modules) & FOREIGN


def test_the_modules_course_discovery_uses_need_no_drf_spectacular():
    assert "drf_spectacular" not in imported_by("commerce_plugins_common.api_errors", "commerce_plugins_common.admin_rules")


def test_the_shared_package_marks_no_text_for_translation():
    marking = [path.name for path in PACKAGE.rglob("*.py") if "gettext" in path.read_text(encoding="utf-8")]
    assert marking == []
