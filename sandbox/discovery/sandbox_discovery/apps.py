"""
Sandbox-only app of the discovery host (not a replica): demo data and the landing page.
"""
from django.apps import AppConfig


class SandboxDiscoveryConfig(AppConfig):
    name = "sandbox_discovery"
    label = "sandbox_discovery"
    default_auto_field = "django.db.models.AutoField"
