"""
Replica of openedx-platform ``common/djangoapps/entitlements/apps.py``.
"""
from django.apps import AppConfig


class EntitlementsConfig(AppConfig):
    name = "common.djangoapps.entitlements"
    label = "entitlements"
    verbose_name = "Entitlements"
