"""
The opt-in Otto suite: Otto's pytest predates the ``pythonpath`` option, so the shared test
helpers (``tests/support``) and the sandbox's keys are put on the path here.
"""
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
for path in (TESTS, TESTS.parent / "sandbox"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from support.on_commit import django_capture_on_commit_callbacks  # noqa: F401,E402  (Django 4.0 nesting on 3.2)
