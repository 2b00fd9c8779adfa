"""
Replica of openedx-platform ``openedx/core/lib/courses.py`` (``get_course_by_id``).
"""
from django.http import Http404
from xmodule.modulestore.django import modulestore


def get_course_by_id(course_key, depth=0):
    """
    The course block of ``course_key``; raises Http404 when there is no such course.
    """
    with modulestore().bulk_operations(course_key):
        course = modulestore().get_course(course_key, depth=depth)
    if course:
        return course
    raise Http404(f"Course not found: {course_key}.")
