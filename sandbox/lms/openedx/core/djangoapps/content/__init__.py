"""Replica package of openedx-platform ``openedx/core/djangoapps/content/``."""
