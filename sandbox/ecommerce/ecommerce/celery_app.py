"""
The ecommerce celery app (Otto runs its tasks through ecommerce-worker; here the service has its own worker).
"""
import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecommerce.settings.sandbox")

app = Celery("ecommerce")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _worker_sends_to_the_broker(**kwargs):  # pylint: disable=unused-argument
    """
    A worker never runs tasks eagerly, whatever the settings say: the test settings make the
    test process run tasks in-process, but a worker started with them must put a task's retry
    (``self.retry(countdown=...)``) back on the broker, or the backoff would not happen.

    The Django setting is changed, not ``app.conf.task_always_eager``: celery 5.4 (Otto's) reads
    ``CELERY_TASK_ALWAYS_EAGER`` from Django's settings before an unprefixed change on ``app.conf``.
    """
    from django.conf import settings  # noqa: PLC0415

    settings.CELERY_TASK_ALWAYS_EAGER = False
