"""
Replica of openedx-platform ``openedx/core/djangoapps/content/course_overviews/signals.py`` (``_listen_for_course_publish``).

Upstream rebuilds the overview of any published course from the modulestore; in
the sandbox only CCX overviews are built from content, so only they are rebuilt.
"""
from ccx_keys.locator import CCXLocator
from django.dispatch import receiver
from xmodule.modulestore.django import SignalHandler

from .models import CourseOverview


@receiver(SignalHandler.course_published)
def _listen_for_course_publish(sender, course_key, **kwargs):  # pylint: disable=unused-argument
    """
    Refresh the overview of the published course.
    """
    if isinstance(course_key, CCXLocator):
        CourseOverview.load_from_module_store(course_key)
