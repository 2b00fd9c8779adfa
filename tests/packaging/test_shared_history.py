"""
The plugins' change history is one module, ``commerce_plugins_common.history``: each plugin's
``history`` is a thin adapter that hands out the same classes and writer.
"""
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import django
from django.conf import settings
settings.configure(INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"])
django.setup()
from commerce_plugins_common import history as shared
from ecommerce_plugin import history as ecommerce
from lms_plugin import history as lms
for name in lms.__all__:
    assert getattr(lms, name) is getattr(shared, name), name
for name in ecommerce.__all__:
    assert getattr(ecommerce, name) is getattr(shared, name), name
assert set(lms.__all__) < set(ecommerce.__all__)
"""


def test_each_plugins_history_is_the_shared_module():
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
