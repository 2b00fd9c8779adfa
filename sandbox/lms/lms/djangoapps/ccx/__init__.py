"""Replica of openedx-platform ``lms/djangoapps/ccx/`` (Custom Courses for edX: models and field overrides)."""
