"""Replica of openedx-platform ``openedx/core/djangoapps/content/course_overviews/`` (the CourseOverview model)."""
