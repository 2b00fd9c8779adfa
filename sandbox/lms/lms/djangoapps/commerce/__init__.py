"""Replica package of openedx-platform ``lms/djangoapps/commerce/`` (the commerce API v1 that Otto publishes course modes to)."""
