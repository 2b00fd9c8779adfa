"""
Replica of openedx-platform ``xmodule/modulestore/exceptions.py`` (subset).
"""


class ItemNotFoundError(Exception):
    pass


class ItemWriteConflictError(Exception):
    pass


class DuplicateCourseError(Exception):
    """
    An attempt to create a course whose id duplicates an existing course's.
    """

    def __init__(self, course_id, existing_entry):
        super().__init__(f"Cannot create course {course_id}, which duplicates {existing_entry}")
        self.course_id = course_id
        self.existing_entry = existing_entry
