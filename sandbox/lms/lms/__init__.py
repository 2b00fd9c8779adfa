"""
The sandbox LMS package; importing it loads the celery app as the platform does.
"""
from .celery import APP as CELERY_APP  # noqa: F401
