"""
Replica of course-discovery ``course_discovery/apps/course_metadata/managers.py`` (subset).
"""
from django.db import models
from django.db.models import Q


class DraftManager(models.Manager):
    """
    Hides draft rows unless asked for them.
    """

    def get_queryset(self):
        return super().get_queryset().filter(draft=False)

    def _with_drafts(self):
        return super().get_queryset()

    def filter_drafts(self, **kwargs):
        """
        Like ``filter()``, but prefers each row's draft version where one exists.
        """
        return self._with_drafts().filter(Q(draft=True) | Q(draft_version=None)).filter(**kwargs)

    def get_draft(self, **kwargs):
        """
        Like ``get()``, but prefers the draft version where one exists.
        """
        return self.filter_drafts(**kwargs).get()
