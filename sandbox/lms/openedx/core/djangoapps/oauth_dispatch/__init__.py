"""Replica of openedx-platform ``openedx/core/djangoapps/oauth_dispatch/`` (JWT creation and a client-credentials token endpoint)."""
