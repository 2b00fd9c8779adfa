"""Replica of openedx-platform ``lms/djangoapps/instructor/`` (the access and enrollment helpers the CCX code calls)."""
