"""Replica package of openedx-platform ``common/djangoapps/``."""
