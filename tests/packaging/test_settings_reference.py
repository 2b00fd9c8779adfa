"""
docs/settings.rst is rendered from the plugins' setting annotations and kept current, and every
setting a plugin defaults has an annotation there.
"""
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "settings_reference.py"


def test_the_settings_reference_is_current():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_every_defaulted_setting_is_in_the_reference():
    reference = (REPO_ROOT / "docs" / "settings.rst").read_text(encoding="utf-8")
    documented = set(re.findall(r"^``(\w[\w.]*)``$", reference, re.M))
    for plugin in ("lms_plugin", "ecommerce_plugin", "discovery_plugin"):
        source = (REPO_ROOT / plugin / "settings" / "common.py").read_text(encoding="utf-8")
        # ``_default(settings, "NAME", ...)`` (LMS, ecommerce) or a ``"NAME": value`` of DEFAULTS (discovery).
        defaulted = set(re.findall(r'_default\(\s*settings,\s*"(\w+)"', source))
        defaulted |= set(re.findall(r'^\s+"(COMMERCE_\w+)": ', source, re.M))
        assert defaulted and not defaulted - documented, f"{plugin}: not annotated: {sorted(defaulted - documented)}"


def test_the_reference_has_each_description():
    reference = (REPO_ROOT / "docs" / "settings.rst").read_text(encoding="utf-8")
    assert "``COMMERCE_REGISTRATION_CODE_REDEEM_URL``\n    Default: None (required: start-up fails without it)" in reference
    assert "``commerce_discounts.enable_discounting``\n    WaffleFlag, default: False" in reference
