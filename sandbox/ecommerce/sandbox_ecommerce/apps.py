"""
Sandbox-only app of the ecommerce host (not a replica): demo data and the landing page.
"""
from django.apps import AppConfig


class SandboxEcommerceConfig(AppConfig):
    name = "sandbox_ecommerce"
    default_auto_field = "django.db.models.AutoField"
