"""
Connects the plugin apps' signal receivers once the app registry is ready.
"""
from django.apps import AppConfig
from edx_django_utils.plugins import connect_plugin_receivers

from ecommerce.plugins import PROJECT_TYPE


class EcommerceSandboxConfig(AppConfig):
    name = "ecommerce"
    label = "ecommerce_sandbox"

    def ready(self):
        connect_plugin_receivers(PROJECT_TYPE)
