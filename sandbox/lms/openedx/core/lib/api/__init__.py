"""Replica of openedx-platform ``openedx/core/lib/api/`` (DRF helpers shared by the platform's APIs)."""
