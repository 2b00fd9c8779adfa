"""
End to end over HTTP with the sandbox LMS (the real ``/api/ccx/v1/`` of lms_plugin, served by gunicorn).

The LMS runs on its own SQLite database, migrated and seeded (``seed_demo``: the master course
``course-v1:edX+CCX101+2026`` with chapters module_1..module_6, and the ``coach`` user) by
subprocesses before the server starts: this pytest process holds the *ecommerce* test database, so
the LMS cannot share it. ``DATABASE_URL`` is blanked for the LMS processes so the services pass
(MariaDB for ecommerce) still gives the LMS its own SQLite file. Tasks run eagerly in this process
and call the LMS over HTTP with a service JWT from its ``/oauth2/access_token``.
"""
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
import requests
from django.core.management import call_command
from edx_django_utils.cache import TieredCache

from ecommerce_plugin.ccx_purchases import api, tasks
from ecommerce_plugin.ccx_purchases.lms import CcxApi
from support.processes import HOSTS, host_python, host_server, process_env

from .conftest import MASTER, buy, module, upgrade

# Committed data (the LMS calls and the groomer's threads see it); the data migrations' rows (the
# product classes) are restored after each test for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def lms_database(tmp_path_factory, django_db_blocker):
    path = tmp_path_factory.mktemp("lms") / "lms.sqlite3"
    with django_db_blocker.unblock():
        env = process_env("lms", {"SANDBOX_DATABASE_NAME": str(path), "DATABASE_URL": ""})
    root = HOSTS["lms"][0]
    for command in (["migrate", "--noinput", "-v", "0"], ["seed_demo"]):
        subprocess.run([host_python("lms"), "manage.py", *command], cwd=root, env=env, check=True, capture_output=True)
    return path


@pytest.fixture(scope="module")
def lms_url(lms_database, tmp_path_factory, django_db_blocker):
    log = tmp_path_factory.mktemp("lms-log") / "lms.log"
    with django_db_blocker.unblock(), host_server(
        "lms", extra_env={"SANDBOX_DATABASE_NAME": str(lms_database), "DATABASE_URL": ""}, log_path=log
    ) as base_url:
        yield base_url


@pytest.fixture
def lms_at(settings):
    """Point the ecommerce plugin at an LMS base URL (the server, or a proxy in front of it)."""
    # Eager retries run in-process only when the Retry does not propagate. The Django setting
    # celery reads: its unprefixed key does not override it on celery 5.4 (Otto's).
    settings.CELERY_TASK_EAGER_PROPAGATES = False

    def point(base_url, token_url=None):
        TieredCache.dangerous_clear_all_tiers()
        settings.COMMERCE_LMS_URL_ROOT = base_url
        settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{token_url or base_url}/oauth2"

    return point


@pytest.fixture
def e2e(lms_url, lms_at, partner, coach):
    lms_at(lms_url)
    api.create_or_update_ccx_course(
        partner=partner, master_course_key=MASTER, title="Commerce for Custom Courses 101",
        modules=[(module(n), f"Module {n}", f"{n}.00") for n in range(1, 7)],
    )
    return lms_url


def lms_ccxs_of(base_url, external_id):
    """What the LMS holds for ``external_id``: all matching CCXs (there must be one)."""
    body = CcxApi()._call("GET", "/api/ccx/v1/ccx/", params={"external_id": str(external_id)}).json()
    return body["results"]


@pytest.mark.timeout(300)
def test_buy_then_upgrade_twice_and_the_lms_ccx_follows(e2e, coach):
    bought = buy(coach, [module(1), module(2)], 10)
    assert api.purchase_for(coach, bought.external_id).sync_state == "in_sync"
    once = upgrade(coach, bought, [module(1), module(2), module(3)], 10)
    twice = upgrade(coach, once, [module(1), module(2), module(3), module(6)], 25)
    stored = api.purchase_for(coach, bought.external_id)
    assert (stored.sync_state, stored.version, stored.synced_version) == ("in_sync", 3, 3)
    (ccx,) = lms_ccxs_of(e2e, bought.external_id)
    assert ccx["ccx_course_id"] == stored.ccx_course_id and ccx["ccx_course_id"].startswith("ccx-v1:edX+CCX101+2026")
    assert ccx["max_students_allowed"] == 25 == twice.seats
    assert ccx["course_modules"] == [module(1), module(2), module(3), module(6)]
    assert ccx["coach_email"] == "coach@example.com"


class FlakyProxy(BaseHTTPRequestHandler):
    """
    Forwards to the LMS, but answers the first ``failures`` CCX writes with 503; the first of them
    reaches the LMS before the 503 (the write happened, its answer was lost).
    """

    upstream = ""
    failures = 0
    seen = []

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        is_ccx_write = self.command == "PUT" and "/api/ccx/" in self.path
        FlakyProxy.seen.append((self.command, self.path))
        if is_ccx_write and FlakyProxy.failures > 0:
            first = len([s for s in FlakyProxy.seen if s[0] == "PUT"]) == 1
            FlakyProxy.failures -= 1
            if first:
                requests.request(self.command, self.upstream + self.path, data=body, headers=headers, timeout=30)
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        response = requests.request(self.command, self.upstream + self.path, data=body, headers=headers, timeout=30)
        self.send_response(response.status_code)
        for key in ("Content-Type", "Location"):
            if key in response.headers:
                self.send_header(key, response.headers[key])
        self.send_header("Content-Length", str(len(response.content)))
        self.end_headers()
        self.wfile.write(response.content)

    do_GET = do_PUT = do_POST = _forward

    def log_message(self, *args):
        pass


@pytest.fixture
def flaky_lms(e2e):
    FlakyProxy.upstream, FlakyProxy.failures, FlakyProxy.seen = e2e, 3, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FlakyProxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.timeout(300)
def test_lms_answering_503_for_a_while_ends_in_sync_with_one_ccx(e2e, flaky_lms, lms_at, coach):
    lms_at(flaky_lms)
    bought = buy(coach, [module(4)], 7)
    puts = [path for method, path in FlakyProxy.seen if method == "PUT"]
    assert len(puts) == 4  # three 503s (the first after the LMS wrote), then the answer
    stored = api.purchase_for(coach, bought.external_id)
    assert (stored.sync_state, stored.seats) == ("in_sync", 7)
    lms_at(e2e)
    (ccx,) = lms_ccxs_of(e2e, bought.external_id)
    assert ccx["ccx_course_id"] == stored.ccx_course_id and ccx["max_students_allowed"] == 7


@pytest.mark.timeout(300)
def test_a_task_lost_before_it_ran_is_repaired_by_the_groomer(e2e, monkeypatch, coach):
    monkeypatch.setattr(tasks.sync_ccx_purchase, "delay", lambda *args, **kwargs: None)  # the broker lost it
    bought = buy(coach, [module(5)], 3)
    assert api.purchase_for(coach, bought.external_id).sync_state == "pending"
    assert lms_ccxs_of(e2e, bought.external_id) == []
    out = StringIO()
    call_command("groom_ccx_purchases", "--no-progress", stdout=out, stderr=StringIO())
    assert "synced: 1" in out.getvalue()
    stored = api.purchase_for(coach, bought.external_id)
    assert stored.sync_state == "in_sync"
    (ccx,) = lms_ccxs_of(e2e, bought.external_id)
    assert (ccx["ccx_course_id"], ccx["max_students_allowed"], ccx["course_modules"]) == (
        stored.ccx_course_id, 3, [module(5)]
    )
    out = StringIO()
    call_command("groom_ccx_purchases", "--no-progress", "--all", stdout=out, stderr=StringIO())
    assert "already_in_sync: 1" in out.getvalue()  # a second run changes nothing
