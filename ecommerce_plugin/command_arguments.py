"""
Argument types the plugin's management commands share.

A type that raises ``ArgumentTypeError`` makes Django's parser raise ``CommandError`` naming the
option, so a typo fails before the command reads or writes anything.
"""
import argparse
import datetime

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey


def course_key(value):
    """
    A course run key as the shop stores it (``course-v1:Org+Course+Run``).
    """
    try:
        return str(CourseKey.from_string(value))
    except InvalidKeyError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a course key (course-v1:ORG+COURSE+RUN)") from None


def positive_int(value):
    """
    A whole number of at least 1 (a count of workers, minutes, days).
    """
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return number


def calendar_date(value):
    """
    A calendar date, ``YYYY-MM-DD``.
    """
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None
