"""
Sandbox stand-in (not a replica): app config of the modulestore stand-in ``xmodule``.
"""
from django.apps import AppConfig


class XModuleConfig(AppConfig):
    name = "xmodule"
    label = "xmodule"
    verbose_name = "Course content (sandbox modulestore stand-in)"
