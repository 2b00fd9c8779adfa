"""Replica of openedx-platform ``common/djangoapps/course_modes/``."""
