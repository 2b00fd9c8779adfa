"""
The course types feature of the discovery plugin.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CourseTypesConfig(AppConfig):
    """
    Rules, derivation and seeds over course-discovery's own Mode, Track, CourseRunType and CourseType.

    The app keeps no table of its own; its migrations seed upstream's tables and remove
    the tables earlier versions of the plugin had.
    """

    name = "discovery_plugin.course_types"
    label = "commerce_course_types"
    verbose_name = _("Course types")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The guards on upstream's writes; importing the module connects them.
        from discovery_plugin.course_types import handlers  # noqa: F401  pylint: disable=unused-import
