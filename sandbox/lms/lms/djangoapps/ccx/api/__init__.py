"""Replica of openedx-platform ``lms/djangoapps/ccx/api/`` (the CCX REST API, v0)."""
