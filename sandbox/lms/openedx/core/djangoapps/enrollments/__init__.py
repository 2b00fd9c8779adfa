"""Replica of openedx-platform ``openedx/core/djangoapps/enrollments/`` (the enrollment REST API v1)."""
