"""
Real processes for the tests that cross a process boundary: a celery worker, a host's web server.

Both are started against the database the test itself uses (pytest-django's test
database), so what the test writes the process reads, exactly as a deployed worker
shares the service's database.
"""
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

REPO_ROOT = Path(__file__).resolve().parents[2]
SANDBOX_DIR = REPO_ROOT / "sandbox"
HOSTS = {
    # host name: (sys.path root, celery app module, test settings, WSGI module)
    "lms": (SANDBOX_DIR / "lms", "lms", "lms.envs.test", "lms.wsgi"),
    "ecommerce": (SANDBOX_DIR / "ecommerce", "ecommerce", "ecommerce.settings.test", "ecommerce.wsgi"),
    "discovery": (
        SANDBOX_DIR / "discovery", "course_discovery", "course_discovery.settings.test", "course_discovery.wsgi"
    ),
}


def host_python(host):
    """
    The interpreter of ``host``'s processes: ``SANDBOX_<HOST>_PYTHON`` (the Otto-stack run keeps the
    LMS on its own Django), else this one.
    """
    return os.environ.get(f"SANDBOX_{host.upper()}_PYTHON") or sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_env(host, extra_env=None):
    """
    The environment of a child process of ``host``: same database, same broker, test settings.
    """
    root, _, settings_module, _ = HOSTS[host]
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "PYTHONPATH": os.pathsep.join([str(root), str(SANDBOX_DIR), env.get("PYTHONPATH", "")]),
            "SANDBOX_DATABASE_NAME": str(connection.settings_dict["NAME"]),
            "CELERY_BROKER_URL": getattr(settings, "CELERY_BROKER_URL", ""),  # Otto names it BROKER_URL
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra_env or {})
    return env


def _stop(process, sig=signal.SIGTERM, timeout=15):
    if process.poll() is not None:
        return
    os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def celery_worker(host, *, concurrency=1, extra_env=None, log_path=None):
    """
    A real ``celery worker`` of ``host`` for the duration of the block; yields the Popen.

    The worker is its own process group, so a test can SIGKILL it mid-task
    (``os.killpg(worker.pid, signal.SIGKILL)``) and start another.
    """
    root, app, _, _ = HOSTS[host]
    log = open(log_path or os.devnull, "ab")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: SIM115
        [host_python(host), "-m", "celery", "-A", app, "worker", "--loglevel", "INFO",
         "--concurrency", str(concurrency), "--pool", "prefork", "--without-gossip", "--without-mingle"],
        cwd=root,
        env=process_env(host, extra_env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        _stop(process)
        log.close()


@contextmanager
def host_server(host, *, port=None, extra_env=None, workers=2, log_path=None):
    """
    ``host`` served by gunicorn on a free local port for the block; yields its base URL.
    """
    root, _, _, wsgi = HOSTS[host]
    port = port or free_port()
    log = open(log_path or os.devnull, "ab")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: SIM115
        [host_python(host), "-m", "gunicorn", f"{wsgi}:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--timeout", "60"],
        cwd=root,
        env=process_env(host, extra_env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base_url}/admin/login/", process)
        yield base_url
    finally:
        _stop(process)
        log.close()


def wait_for_http(url, process=None, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server for {url} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout}s")
