"""
The replicas cannot drift from what was checked against upstream: every platform symbol
``lms_plugin/platform.py`` imports is in docs/platform-fidelity.yaml, and each replica has the
signature recorded there.
"""
import ast
import importlib
import inspect
from pathlib import Path

import pytest
import yaml
from django.db import models
from django.dispatch import Signal

import lms_plugin.platform

REPO = Path(__file__).resolve().parents[2]
RECORD = yaml.safe_load((REPO / "docs" / "platform-fidelity.yaml").read_text())["symbols"]
# Libraries the platform module may import too; they are not the platform.
LIBRARIES = ("django", "crum", "ccx_keys", "opaque_keys", "openedx_filters", "openedx_events")


def resolve(entry):
    target = getattr(importlib.import_module(entry["module"]), entry["name"])
    for part in filter(None, entry["call"].split(".")):
        target = getattr(target, part)
    return target


@pytest.mark.parametrize("entry", RECORD, ids=lambda entry: f"{entry['name']}.{entry['call']}".rstrip("."))
def test_the_replica_matches_the_recorded_upstream_symbol(entry):
    assert len(entry["commit"]) == 40 and entry["upstream"].endswith(".py")
    target = resolve(entry)
    kind = entry["signature"]
    if kind == "model":
        assert issubclass(target, models.Model)
    elif kind == "signal":
        assert isinstance(target, Signal)
    elif kind == "attribute":
        assert target is not None
    else:
        assert str(inspect.signature(target)) == kind


def test_every_platform_import_of_the_plugin_is_recorded():
    tree = ast.parse(Path(lms_plugin.platform.__file__).read_text())
    imported = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and not node.module.startswith(LIBRARIES)
        for alias in node.names
    }
    recorded = {(entry["module"], entry["name"]) for entry in RECORD}
    assert imported, "platform.py imports nothing from the platform?"
    assert imported - recorded == set()
