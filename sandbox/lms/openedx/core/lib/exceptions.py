"""
Replica of openedx-platform ``openedx/core/lib/exceptions.py`` (subset).
"""


class CourseNotFoundError(Exception):
    """
    Course was not found.
    """


class PageNotFoundError(Exception):
    """
    Page was not found. Used for paginated endpoint.
    """
