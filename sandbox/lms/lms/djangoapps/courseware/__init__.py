"""Replica of openedx-platform ``lms/djangoapps/courseware/`` (course lookup helpers only)."""
