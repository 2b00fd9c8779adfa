"""
Sandbox stand-in for openedx-platform ``xmodule/modulestore/django.py``: ``modulestore()`` over ``SandboxCourseStructure`` rows.

The returned store answers the few calls the plugins make of the real one:
``get_course(course_key, depth=0)``, ``get_item(usage_key)``,
``has_course(course_key)`` and ``bulk_operations(course_key)``. Blocks are plain
read-only objects with the attributes of the real course and chapter blocks
that the plugins read (``id``/``location``, ``display_name``, ``enable_ccx``,
``start``, ``end``/``due``, ``get_children()``). Course dates and enrollment
settings come from the course's ``CourseOverview``. For a CCX key the master
course is served under the CCX's id and display name, with its CCX start and
due date, as upstream's CCX modulestore wrapper does (chapter locations stay
those of the master course).
"""
from contextlib import contextmanager

from ccx_keys.locator import CCXLocator
from django.dispatch import Signal

from xmodule.modulestore.exceptions import ItemNotFoundError


class SandboxChapterBlock:
    """
    A chapter ("section") of a course.
    """

    category = "chapter"

    def __init__(self, location, display_name):
        self.location = location
        self.display_name = display_name
        self.start = None
        self.due = None

    @property
    def usage_key(self):
        return self.location

    def get_children(self):
        return []

    def __repr__(self):
        return f"<SandboxChapterBlock {self.location}>"


class SandboxCourseBlock:
    """
    A course: its identity, dates from its CourseOverview, and its chapters.
    """

    category = "course"

    def __init__(self, course_key, structure, overview):
        from opaque_keys.edx.keys import UsageKey  # pylint: disable=import-outside-toplevel

        self.id = course_key
        self.location = course_key.make_usage_key("course", "course")
        self.enable_ccx = structure.enable_ccx
        self.display_name = overview.display_name if overview else None
        self.start = overview.start if overview else None
        self.end = overview.end if overview else None
        self.enrollment_start = overview.enrollment_start if overview else None
        self.enrollment_end = overview.enrollment_end if overview else None
        self.invitation_only = overview.invitation_only if overview else False
        self.max_student_enrollments_allowed = overview.max_student_enrollments_allowed if overview else None
        self.self_paced = overview.self_paced if overview else False
        self._chapters = [
            SandboxChapterBlock(UsageKey.from_string(chapter["usage_key"]).map_into_course(course_key), chapter["display_name"])
            for chapter in structure.chapters
        ]
        self.children = [chapter.location for chapter in self._chapters]

    @property
    def org(self):
        return self.id.org

    @property
    def number(self):
        return self.id.course

    @property
    def display_name_with_default(self):
        return self.display_name or self.id.course

    def get_children(self):
        return list(self._chapters)

    def __repr__(self):
        return f"<SandboxCourseBlock {self.id}>"


class SandboxModuleStore:
    """
    The sandbox modulestore: reads course structures from the database on every call.
    """

    @contextmanager
    def bulk_operations(self, course_id, emit_signals=True, ignore_case=False):  # pylint: disable=unused-argument
        yield

    def get_course(self, course_key, depth=0, **kwargs):  # pylint: disable=unused-argument
        """
        The course block of ``course_key``, or None when there is no such course.
        """
        # Imported here: models load after this module can be imported.
        from openedx.core.djangoapps.content.course_overviews.models import (  # pylint: disable=import-outside-toplevel
            CourseOverview,
        )

        from xmodule.models import SandboxCourseStructure  # pylint: disable=import-outside-toplevel

        if isinstance(course_key, CCXLocator):
            return self._get_ccx_course(course_key)
        structure = SandboxCourseStructure.objects.filter(course_id=course_key).first()
        if structure is None:
            return None
        overview = CourseOverview.objects.filter(id=course_key).first()
        return SandboxCourseBlock(course_key, structure, overview)

    def _get_ccx_course(self, ccx_key):
        from lms.djangoapps.ccx.models import CustomCourseForEdX  # pylint: disable=import-outside-toplevel

        master = self.get_course(ccx_key.to_course_locator())
        try:
            ccx = CustomCourseForEdX.objects.get(id=int(ccx_key.ccx))
        except (CustomCourseForEdX.DoesNotExist, ValueError):
            return None
        if master is None:
            return None
        master.id = ccx_key
        master.location = ccx_key.make_usage_key("course", "course")
        master.display_name = ccx.display_name
        master.start = ccx.start or master.start
        master.end = ccx.due
        master.max_student_enrollments_allowed = ccx.max_student_enrollments_allowed
        return master

    def has_course(self, course_id, ignore_case=False, **kwargs):  # pylint: disable=unused-argument
        return self.get_course(course_id) is not None

    def get_item(self, usage_key, depth=0, **kwargs):  # pylint: disable=unused-argument
        """
        The course or chapter block at ``usage_key``; raises ItemNotFoundError.
        """
        course = self.get_course(usage_key.course_key)
        if course is not None:
            if usage_key == course.location:
                return course
            for chapter in course.get_children():
                if chapter.location == usage_key:
                    return chapter
        raise ItemNotFoundError(usage_key)


_STORE = SandboxModuleStore()


def modulestore():
    """
    The modulestore (a singleton, as upstream).
    """
    return _STORE


class SignalHandler:
    """
    Replica of upstream ``xmodule/modulestore/django.py`` ``SignalHandler`` (the signals the plugins send or hear).

    Upstream the modulestore sends these after a course is published or deleted;
    the CCX API also sends ``course_published`` itself, with the CCX as sender,
    so that course overviews and other caches of the CCX refresh.
    """

    course_published = Signal()
    course_deleted = Signal()
