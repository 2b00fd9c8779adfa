"""
The Tutor plugin's suite: real Tutor (``tutor/requirements-test.txt``) in a virtualenv of its own,
``.venv-tutor`` at the repository root, installed once and again only when those pins or the
plugin change; each test session renders one Tutor project with the plugin enabled.
"""
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PLUGIN_DIR = REPO_ROOT / "tutor"
VENV = Path(os.environ.get("TUTOR_TEST_VENV", REPO_ROOT / ".venv-tutor"))
LMS_HOST = "lms.example.com"


def _stamp():
    digest = hashlib.sha256()
    for path in sorted(PLUGIN_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path):
            digest.update(str(path.relative_to(PLUGIN_DIR)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def tutor_venv():
    stamp_file, stamp = VENV / ".tutor-stamp", _stamp()
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not stamp_file.exists() or stamp_file.read_text() != stamp:
        pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run([*pip, "-r", str(PLUGIN_DIR / "requirements-test.txt")], check=True)
        subprocess.run([*pip, "--no-deps", "--force-reinstall", str(PLUGIN_DIR)], check=True)
        stamp_file.write_text(stamp)
    return VENV / "bin"


def run_tutor(tutor_venv, root, *args):
    result = subprocess.run(
        [str(tutor_venv / "tutor"), *args], env={**os.environ, "TUTOR_ROOT": str(root)},
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def tutor_root(tutor_venv, tmp_path_factory):
    """
    A Tutor project with the ecommerce, discovery and commerce-plugins plugins enabled, its
    environment rendered (``tutor config save``) for an HTTPS platform on ``lms.example.com``.
    """
    root = tmp_path_factory.mktemp("tutor-root")
    run_tutor(tutor_venv, root, "plugins", "enable", "ecommerce", "discovery", "commerce-plugins")
    run_tutor(tutor_venv, root, "config", "save", "--set", f"LMS_HOST={LMS_HOST}", "--set", "ENABLE_HTTPS=true")
    return root


INIT_TASKS = """
import json, sys
from tutor import config as tutor_config, env, hooks
root = sys.argv[1]
hooks.Actions.CORE_READY.do()
hooks.Actions.PROJECT_ROOT_READY.do(root)
config = tutor_config.load(root)
print(json.dumps([[service, env.render_str(config, task)] for service, task in hooks.Filters.CLI_DO_INIT_TASKS.iterate()]))
"""


@pytest.fixture(scope="session")
def init_tasks(tutor_venv, tutor_root):
    """
    ``[service, script]`` of every ``tutor ... do init`` task, in the order Tutor runs them, rendered.
    """
    result = subprocess.run(
        [str(tutor_venv / "python"), "-c", INIT_TASKS, str(tutor_root)],
        env={**os.environ, "TUTOR_ROOT": str(tutor_root)}, capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
