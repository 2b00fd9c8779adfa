"""
``transaction.on_commit`` that never lets a failing callback break the caller, on every Django
the plugin supports.

Django 4.2 added ``robust=True`` (log the callback's exception, run the next ones); Otto runs
Django 3.2, where the keyword does not exist and a callback's exception propagates out of the
commit, into the checkout that just took a payment. Below 4.2 the same contract is emulated.
"""
import functools
import logging

import django
from django.db import transaction

log = logging.getLogger(__name__)

NATIVE_ROBUST = django.VERSION >= (4, 2)


def on_commit_robust(func, using=None):
    """
    Run ``func`` after the current transaction commits; its exception is logged, never raised.
    """
    if NATIVE_ROBUST:
        transaction.on_commit(func, using=using, robust=True)
        return

    @functools.wraps(func)
    def guarded():
        try:
            func()
        except Exception:  # pylint: disable=broad-except
            log.exception("Error calling %s in on_commit() (%s).", getattr(func, "__qualname__", func), func)

    transaction.on_commit(guarded, using=using)
