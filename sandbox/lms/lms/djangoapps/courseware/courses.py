"""
Replica of openedx-platform ``lms/djangoapps/courseware/courses.py`` (``get_course``, ``get_course_by_id``).
"""
from django.http import Http404
from xmodule.modulestore.django import modulestore


def get_course(course_id, depth=0):
    """
    Given a course id, return the corresponding course block; raises ValueError if there is none.
    """
    course = modulestore().get_course(course_id, depth=depth)
    if course is None:
        raise ValueError(f"Course not found: {course_id}")
    return course


def get_course_by_id(course_key, depth=0):
    """
    Given a course id, return the corresponding course block; raises Http404 if there is none.
    """
    course = modulestore().get_course(course_key, depth=depth)
    if course:
        return course
    raise Http404(f"Course not found: {course_key}.")


def get_course_chapter_ids(course_key):
    """
    The usage keys (as strings) of the chapters of ``course_key``, in course order; [] when there is no such course.
    """
    try:
        course = get_course_by_id(course_key)
    except Http404:
        return []
    return [str(chapter.location) for chapter in course.get_children()]
