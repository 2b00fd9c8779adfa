"""
Replica of openedx-platform ``lms/djangoapps/ccx/apps.py``.
"""
from django.apps import AppConfig


class CCXConfig(AppConfig):
    name = "lms.djangoapps.ccx"
    label = "ccx"
    verbose_name = "CCX"
