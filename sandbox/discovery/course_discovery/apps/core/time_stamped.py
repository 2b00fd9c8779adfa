"""
Sandbox stand-in for django-extensions' ``TimeStampedModel``, which course-discovery's models inherit.

django-extensions is not installed in the sandbox; this abstract model gives the
replicas the same ``created`` and ``modified`` columns.
"""
from django.db import models


class TimeStampedModel(models.Model):
    """
    Abstract model with self-managed ``created`` and ``modified`` timestamps.

    .. no_pii:
    """

    created = models.DateTimeField(auto_now_add=True, verbose_name="created")
    modified = models.DateTimeField(auto_now=True, verbose_name="modified")

    class Meta:
        abstract = True
        get_latest_by = "modified"
