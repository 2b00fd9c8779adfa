"""
A real sandbox LMS for the fulfillment tests: its own SQLite database (migrated and seeded once
per session), served by gunicorn, optionally behind ``LmsProxy``.

``LmsProxy`` is a tiny HTTP proxy the tests put between the ecommerce worker and the LMS: it can
answer 503 to the first N enrollment POSTs (the LMS "down for the first tries"), hold an
enrollment POST's answer after the LMS has processed it (so a test can SIGKILL the worker
mid-task), and it counts the enrollment POSTs that reached the LMS.
"""
import http.server
import os
import subprocess
import threading
import uuid

import requests

from support.processes import HOSTS, SANDBOX_DIR, host_python

LMS_ROOT = HOSTS["lms"][0]
ENROLLMENT_PATH = "/api/enrollment/v1/enrollment"


def lms_env(db_path):
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "lms.envs.test",
        "PYTHONPATH": os.pathsep.join([str(LMS_ROOT), str(SANDBOX_DIR)]),
        "DATABASE_URL": "",
        "SANDBOX_DATABASE_NAME": str(db_path),
    })
    return env


def lms_manage(db_path, *args, stdin=None):
    result = subprocess.run(
        [host_python("lms"), "manage.py", *args], cwd=LMS_ROOT, env=lms_env(db_path), input=stdin,
        capture_output=True, text=True, timeout=300, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare_lms_database(db_path, usernames):
    """
    Migrate and seed (demo course and modes, ``usernames`` as learners, a session per learner).
    Returns ``{username: session_key}``.
    """
    lms_manage(db_path, "migrate", "--noinput", "-v", "0")
    lms_manage(db_path, "seed_demo")
    script = (
        "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "User = get_user_model()\n"
        f"for name in {list(usernames)!r}:\n"
        "    user, _ = User.objects.get_or_create(username=name, defaults={'email': name + '@example.com'})\n"
        "    user.set_password('edx'); user.save()\n"
        "    s = SessionStore(); s[SESSION_KEY] = str(user.pk)\n"
        "    s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "    s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s.create()\n"
        "    print(name, s.session_key)\n"
    )
    out = lms_manage(db_path, "shell", "-c", script)
    return dict(line.split() for line in out.strip().splitlines() if line.count(" ") == 1)


def lms_enrollment(db_path, username, course_id):
    """
    ``(mode, is_active, row count)`` of a learner's enrollment, read from the LMS database.
    """
    import sqlite3  # noqa: PLC0415

    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT e.mode, e.is_active FROM student_courseenrollment e JOIN auth_user u ON u.id = e.user_id "
            "WHERE u.username = ? AND e.course_id = ?", (username, course_id)
        ).fetchall()
    if not rows:
        return None, None, 0
    return rows[0][0], bool(rows[0][1]), len(rows)


def unique_name(prefix="learner"):
    return f"{prefix}{uuid.uuid4().hex[:8]}"


class LmsProxy:
    """
    Forwards everything to ``upstream``; see the module docstring for the enrollment tricks.
    """

    def __init__(self, upstream, fail_first=0, hold_seconds=0.0):
        self.upstream = upstream.rstrip("/")
        self.fail_first = fail_first
        self.hold_seconds = hold_seconds
        self.enrollment_posts = 0  # reached the LMS
        self.refused = 0  # answered 503 by the proxy
        self.forwarded = threading.Event()  # an enrollment POST reached the LMS
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                is_enrollment = self.command == "POST" and self.path.rstrip("/") == ENROLLMENT_PATH
                if is_enrollment:
                    with proxy.lock:
                        refuse = proxy.refused < proxy.fail_first
                        if refuse:
                            proxy.refused += 1
                    if refuse:
                        self._reply(503, b'{"message": "LMS unavailable (test proxy)"}', "application/json")
                        return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                upstream = requests.request(
                    self.command, proxy.upstream + self.path, data=body, headers=headers, timeout=30,
                    allow_redirects=False,
                )
                if is_enrollment:
                    with proxy.lock:
                        proxy.enrollment_posts += 1
                    proxy.forwarded.set()
                    if proxy.hold_seconds:
                        threading.Event().wait(proxy.hold_seconds)
                self._reply(upstream.status_code, upstream.content, upstream.headers.get("Content-Type", ""))

            def _reply(self, status, content, content_type):
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
