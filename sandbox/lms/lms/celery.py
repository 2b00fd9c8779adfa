"""
The LMS celery app, as openedx-platform ``lms/celery.py`` defines it.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.envs.sandbox")

APP = Celery("proj")
APP.config_from_object("django.conf:settings", namespace="CELERY")
APP.autodiscover_tasks()
