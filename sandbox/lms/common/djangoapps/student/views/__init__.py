"""
Replica of openedx-platform ``common/djangoapps/student/views/__init__.py`` (the dashboard view only).
"""
from .dashboard import student_dashboard  # noqa: F401
