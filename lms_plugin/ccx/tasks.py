"""
The celery task that runs one recorded CCX job (``?async=true`` writes).
"""
import logging

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import api, errors

log = logging.getLogger(__name__)


def enqueue_ccx_job(job_id):
    """
    Queue ``job_id`` (called once the job's row is committed, so the worker finds it).
    """
    run_ccx_job.apply_async(args=[job_id], queue=getattr(settings, "COMMERCE_CCX_JOB_QUEUE", None) or None)


@shared_task(
    bind=True,
    name="lms_plugin.ccx.tasks.run_ccx_job",
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=3,
)
def run_ccx_job(self, job_id):
    """
    Run the job; the message is acknowledged only after it ran, so a killed worker's job is redelivered.

    Database outages are retried (bounded, with backoff); once the retries are spent
    the job is recorded as failed with ``job_retries_exhausted``. A redelivered
    message of a finished job does nothing (``api.run_job``).
    """
    try:
        api.run_job(job_id)
    except (OperationalError, InterfaceError) as exc:
        if self.request.retries >= self.max_retries:
            log.error("CCX job %s: database errors, retries exhausted: %s", job_id, exc)
            api.finish_job_as_failed(job_id, errors.JOB_RETRIES_EXHAUSTED, 503)
            return
        raise self.retry(exc=exc, countdown=2 ** self.request.retries) from exc
