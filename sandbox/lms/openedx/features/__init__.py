"""Replica package of openedx-platform ``openedx/features/``."""
