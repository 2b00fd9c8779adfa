"""Replica package of openedx-platform ``lms/djangoapps/commerce/api/``."""
