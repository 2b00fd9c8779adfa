"""Replica of openedx-platform ``lms/djangoapps/ccx/api/v0/``."""
