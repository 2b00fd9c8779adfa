"""
The ecommerce celery app (Otto runs its tasks through ecommerce-worker; here the service has its own worker).
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecommerce.settings.sandbox")

app = Celery("ecommerce")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
