"""
``make extract_translations`` writes the source (English) message catalog of each plugin where
edx-i18n-tools and openedx-translations look for it, and the JS plugin's transifex input.

It runs on a copy of the plugins and of the JS package, so the checkout is left as it was.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ("lms_plugin", "ecommerce_plugin", "discovery_plugin")
JS_PLUGIN = Path("frontend/learner-dashboard-pending")

# One string each plugin marks in Python and, where it has templates, one from a template.
EXPECTED_MSGIDS = {
    "lms_plugin": ["Payment received. Your upgrade is being processed."],
    "ecommerce_plugin": ["Redeem a registration code", "Your %(percent)s%% discount is applied."],
    "discovery_plugin": ["Run {run} is {run_type}, which course type {course_type} does not allow."],
}


def msgids(po_file):
    """
    The msgids of a catalog written with ``--no-wrap`` (one line each).
    """
    ids = []
    for line in po_file.read_text(encoding="utf-8").splitlines():
        if line.startswith('msgid "'):
            ids.append(line[len('msgid "'):-1].replace('\\"', '"'))
    return ids


def copy_tree(source, target):
    shutil.copytree(
        source, target, ignore=shutil.ignore_patterns("__pycache__", "LC_MESSAGES", "node_modules", "transifex_input.json")
    )


def test_each_plugin_has_the_open_edx_locale_config():
    for plugin in PLUGINS:
        config = yaml.safe_load((REPO_ROOT / plugin / "conf" / "locale" / "config.yaml").read_text())
        assert config["locales"][0] == "en"


def test_extract_translations_writes_the_catalogs(tmp_path):
    shutil.copy(REPO_ROOT / "Makefile", tmp_path / "Makefile")
    for plugin in PLUGINS:
        copy_tree(REPO_ROOT / plugin, tmp_path / plugin)
    js_copy = tmp_path / JS_PLUGIN
    copy_tree(REPO_ROOT / JS_PLUGIN, js_copy)
    if (REPO_ROOT / JS_PLUGIN / "node_modules").is_dir():
        (js_copy / "node_modules").symlink_to(REPO_ROOT / JS_PLUGIN / "node_modules")

    result = subprocess.run(
        ["make", "-C", str(tmp_path), "extract_translations", f"VENV={Path(sys.executable).parent}"],
        env={**os.environ}, capture_output=True, text=True, check=False, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]

    for plugin, expected in EXPECTED_MSGIDS.items():
        po_file = tmp_path / plugin / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po"
        ids = msgids(po_file)
        assert set(expected) <= set(ids), (plugin, expected)
        assert len(ids) == len(set(ids)), f"{plugin}: a msgid appears twice"
        check = subprocess.run(
            ["msgfmt", "--check-format", "-o", os.devnull, str(po_file)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stderr

    js_catalog = json.loads((js_copy / "src" / "i18n" / "transifex_input.json").read_text())
    assert js_catalog["commerce.pendingEnrollments.badge.pending"]["string"] == "Processing"
