"""
The sandbox discovery package; importing it loads the celery app, as course-discovery's package does.
"""
from .celery import app as celery_app  # noqa: F401
