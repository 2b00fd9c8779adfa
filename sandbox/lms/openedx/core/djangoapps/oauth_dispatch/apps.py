"""
Replica of openedx-platform ``openedx/core/djangoapps/oauth_dispatch/apps.py``.
"""
from django.apps import AppConfig


class OAuthDispatchAppConfig(AppConfig):
    name = "openedx.core.djangoapps.oauth_dispatch"
    label = "oauth_dispatch"
    verbose_name = "OAuth Dispatch"
