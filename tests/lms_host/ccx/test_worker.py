"""
Asynchronous CCX writes run on a real celery worker: on Redis (services pass) and on the embedded default.

Each test gives its worker a queue of its own (``SANDBOX_CELERY_QUEUE``), so no other
suite's worker takes its tasks, and reads job states from the database, as a client would.
"""
import os
import signal
import threading
import time
import uuid

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, transaction
from lms.djangoapps.ccx.models import CustomCourseForEdX
from rest_framework.test import APIClient

from lms_plugin.ccx import api
from lms_plugin.ccx.models import CcxExternalId, CcxJob
from support.processes import celery_worker

from .conftest import ccx_body, send

EXTERNAL = "/api/ccx/v1/ccx/external/"


@pytest.fixture
def worker_queue(transactional_db, settings):
    """
    A queue of this test's own, and the LMS celery app publishing for real (not eagerly).
    """
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    queue = f"lms.ccx-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    settings.COMMERCE_CCX_JOB_QUEUE = queue
    # In Django's settings, as the host sets it: celery 5.4 (Sumac's) reads the CELERY_ name there
    # before a change made on app.conf, which would not take.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield queue


@pytest.fixture
def service_client(worker_queue):
    # The service user as Open edX provisions it: global staff.
    user = User.objects.create_user("ecommerce_worker", "ecommerce_worker@example.com", is_staff=True)
    client = APIClient()
    client.force_authenticate(user)
    return client


def wait_for_job(job_id, statuses, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = CcxJob.objects.get(job_id=job_id)
        if job.status in statuses:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {job.status} after {timeout}s")


def job_id_of(response):
    assert response.status_code == 202, response.content
    return response.json()["job_id"]


def test_embedded_default_worker_runs_a_job(service_client, worker_queue, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the embedded-default test runs on SQLite and the filesystem transport")
    with celery_worker("lms", extra_env={"SANDBOX_CELERY_QUEUE": worker_queue}, log_path=tmp_path / "worker.log"):
        job_id = job_id_of(send(service_client, "put", f"{EXTERNAL}tp-fs?async=true", ccx_body()))
        job = wait_for_job(job_id, {"succeeded", "failed"})

    assert (job.status, job.error_code) == ("succeeded", None)
    assert CcxExternalId.objects.get(external_id="tp-fs").ccx_id == job.ccx_id


@pytest.mark.redis
def test_redis_job_succeeds_and_a_failing_job_reports_its_code(service_client, worker_queue, tmp_path):
    with celery_worker("lms", extra_env={"SANDBOX_CELERY_QUEUE": worker_queue}, log_path=tmp_path / "worker.log"):
        ok = job_id_of(send(service_client, "put", f"{EXTERNAL}tp-redis?async=true", ccx_body()))
        bad = job_id_of(send(service_client, "post", "/api/ccx/v1/ccx/?async=true",
                             ccx_body(coach_email="nobody@example.com")))
        succeeded = wait_for_job(ok, {"succeeded", "failed"})
        failed = wait_for_job(bad, {"succeeded", "failed"})

    assert succeeded.status == "succeeded"
    assert CustomCourseForEdX.objects.filter(pk=succeeded.ccx_id).exists()
    body = send(service_client, "get", f"/api/ccx/v1/jobs/{ok}").json()
    assert body["ccx"]["external_id"] == "tp-redis"
    assert (failed.status, failed.error_code) == ("failed", "coach_user_does_not_exist")


@pytest.mark.mariadb
@pytest.mark.redis
def test_a_killed_workers_unacked_job_is_run_by_the_restarted_worker(service_client, worker_queue, tmp_path):
    record, __ = api.create_or_update_by_external_id("tp-kill", ccx_body())
    locked, release = threading.Event(), threading.Event()

    def hold_the_external_id():
        # Keeps the job's worker waiting on the row lock, so it is killed mid-job, message unacked.
        with transaction.atomic():
            CcxExternalId.objects.select_for_update().get(external_id="tp-kill")
            locked.set()
            release.wait(timeout=120)
        connection.close()

    holder = threading.Thread(target=hold_the_external_id)
    holder.start()
    locked.wait(timeout=30)
    env = {"SANDBOX_CELERY_QUEUE": worker_queue, "CELERY_REDIS_VISIBILITY_TIMEOUT": "3"}
    try:
        with celery_worker("lms", extra_env=env, log_path=tmp_path / "first.log") as worker:
            job_id = job_id_of(send(service_client, "put", f"{EXTERNAL}tp-kill?async=true",
                                    ccx_body(display_name="After the crash")))
            wait_for_job(job_id, {"running"})
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
    finally:
        release.set()
        holder.join(timeout=30)
    assert CcxJob.objects.get(job_id=job_id).status == "running"

    with celery_worker("lms", extra_env=env, log_path=tmp_path / "second.log"):
        job = wait_for_job(job_id, {"succeeded", "failed"})

    assert job.status == "succeeded" and job.attempts >= 2
    assert api.get(record.ccx_course_id).display_name == "After the crash"
    assert CustomCourseForEdX.objects.count() == 1
