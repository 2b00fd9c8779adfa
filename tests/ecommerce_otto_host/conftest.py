"""
The Otto-faithful sandbox suite: the ecommerce sandbox with ``ecommerce.settings.otto_test``.
"""
from support.on_commit import django_capture_on_commit_callbacks  # noqa: F401,E402  (Django 4.0 nesting on 3.2)
