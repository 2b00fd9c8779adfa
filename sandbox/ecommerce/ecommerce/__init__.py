"""
The sandbox ecommerce package; importing it loads the celery app.
"""
from .celery_app import app as celery_app  # noqa: F401
