"""
The discovery celery app, as course-discovery ``course_discovery/celery.py`` defines it.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "course_discovery.settings.sandbox")

app = Celery("course_discovery")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
