"""
The production settings phase with an operator's YAML, loaded as the platform loads it
(``lms/envs/production.py``: YAML copied into settings, then the plugins' production settings),
in a fresh interpreter so the suite's own settings are not involved.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lms_plugin.settings.filter_steps import FILTER_STEPS

REPO = Path(__file__).resolve().parents[2]
PAID_FILTER = "org.openedx.learning.course.enrollment.started.v1"
OPERATOR_STEP = "operator_plugin.pipeline.CheckEnrollmentQuota"
OPERATOR_ONLY_FILTER = "org.openedx.learning.student.registration.requested.v1"

PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'filters': settings.OPEN_EDX_FILTERS_CONFIG, "
    "'audience': settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE}))"
)


def load_production_settings(tmp_path, tokens):
    config = tmp_path / "lms.yml"
    config.write_text(yaml.safe_dump(tokens))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.envs.production",
        "LMS_CFG": str(config),
        "PYTHONPATH": os.pathsep.join([str(REPO / "sandbox" / "lms"), str(REPO / "sandbox"), str(REPO)]),
    }
    done = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


@pytest.fixture
def operator_filters():
    return {
        PAID_FILTER: {"fail_silently": True, "pipeline": [OPERATOR_STEP]},
        OPERATOR_ONLY_FILTER: {"fail_silently": False, "pipeline": ["operator_plugin.pipeline.NoSpam"]},
    }


def test_an_operators_filters_config_keeps_every_plugin_step_once_and_the_operators_own(tmp_path, operator_filters):
    loaded, log = load_production_settings(tmp_path, {"OPEN_EDX_FILTERS_CONFIG": operator_filters})
    filters = loaded["filters"]
    for filter_type, step, _fail_silently in FILTER_STEPS:
        assert filters[filter_type]["pipeline"].count(step) == 1, filter_type
    assert filters[PAID_FILTER]["pipeline"] == [OPERATOR_STEP, "lms_plugin.paid_enrollments.pipeline.PaidModeRequiresPurchase"]
    assert filters[PAID_FILTER]["fail_silently"] is True  # the operator's choice for their filter
    assert filters[OPERATOR_ONLY_FILTER] == operator_filters[OPERATOR_ONLY_FILTER]
    assert "replaced the commerce plugin's filter steps" in log


def test_an_operator_who_already_lists_the_plugin_steps_gets_no_duplicates_and_no_note(tmp_path):
    listed = {
        filter_type: {"fail_silently": False, "pipeline": [step]} for filter_type, step, _ in FILTER_STEPS
    }
    loaded, log = load_production_settings(tmp_path, {"OPEN_EDX_FILTERS_CONFIG": listed})
    assert loaded["filters"] == listed
    assert "replaced the commerce plugin's filter steps" not in log


def test_without_an_operator_filters_config_the_common_steps_stand(tmp_path):
    loaded, log = load_production_settings(tmp_path, {"COMMERCE_DISCOUNTS_JWT_AUDIENCE": "my-discounts"})
    assert {step for _, step, _ in FILTER_STEPS} == {
        step for config in loaded["filters"].values() for step in config["pipeline"]
    }
    assert loaded["audience"] == "my-discounts"  # the plugin's own settings read from the same YAML
    assert "replaced" not in log
