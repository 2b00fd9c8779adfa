"""
``captureOnCommitCallbacks`` as Django 4.0 and later have it, on every Django the tests run on.

Since Django 4.0, ``TestCase.captureOnCommitCallbacks(execute=True)`` also runs the callbacks that
the executed callbacks register in turn, as a real commit does (``run_and_clear_commit_hooks``
keeps going until no callback is left). Django 3.2 (Otto's) runs only the first level: a test
whose after-commit work schedules more after-commit work (a fulfillment failure that alerts
after its own commit, a redemption that enrolls after its own) would see half of what a commit
does. ``django_capture_on_commit_callbacks`` is replaced by this in the ecommerce suites.
"""
import contextlib

import django
import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import TestCase

NATIVE = django.VERSION >= (4, 0)


@contextlib.contextmanager
def capture_on_commit_callbacks(*, using=DEFAULT_DB_ALIAS, execute=False):
    """
    Collect (and with ``execute``, run) what was scheduled on commit inside the block, nested ones too.
    """
    if NATIVE:
        with TestCase.captureOnCommitCallbacks(using=using, execute=execute) as callbacks:
            yield callbacks
        return
    callbacks = []
    start_count = len(connections[using].run_on_commit)
    try:
        yield callbacks
    finally:
        # Django 4.0's loop: run the new callbacks until running them registers no more.
        while True:
            callback_count = len(connections[using].run_on_commit)
            for _savepoint_ids, callback in connections[using].run_on_commit[start_count:]:
                callbacks.append(callback)
                if execute:
                    callback()
            if callback_count == len(connections[using].run_on_commit):
                break
            start_count = callback_count


@pytest.fixture
def django_capture_on_commit_callbacks():
    """
    pytest-django's fixture of the same name, with Django 4.0's nested callbacks on Django 3.2 too.
    """
    return capture_on_commit_callbacks
