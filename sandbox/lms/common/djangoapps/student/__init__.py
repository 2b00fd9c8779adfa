"""Replica of openedx-platform ``common/djangoapps/student/`` (enrollments, profiles, course roles)."""
