"""
Replica of openedx-platform ``openedx/features/course_experience/__init__.py`` at e57a655d77b614f19223984e9805b1fb940ab192 (``course_home_url`` only).
"""


def course_home_url(course_key):
    """
    Returns the course home page's URL for the current user.

    Arguments:
        course_key (CourseKey): The course key for which the home url is being requested.
    """
    from .url_helpers import get_learning_mfe_home_url  # noqa: PLC0415

    return get_learning_mfe_home_url(course_key, url_fragment="home")
