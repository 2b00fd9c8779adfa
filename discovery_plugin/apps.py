"""
App configuration read by ``edx_django_utils.plugins`` when the discovery service loads us.
"""
from django.apps import AppConfig, apps
from django.core import checks
from django.utils.translation import gettext_lazy as _

PROJECT_TYPE = "discovery.djangoapp"
COURSE_TYPES_APP = "discovery_plugin.course_types"


class DiscoveryPluginConfig(AppConfig):
    """
    Plugin entry for course-discovery: its settings, its urls and the system checks that say what is missing.
    """

    name = "discovery_plugin"
    label = "commerce_discovery"
    verbose_name = _("Open edX commerce (discovery service)")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            PROJECT_TYPE: {
                "namespace": "commerce_discovery",
                "regex": r"^",
                "relative_path": "urls",
            },
        },
        "settings_config": {
            PROJECT_TYPE: {
                "common": {"relative_path": "settings.common"},
                "production": {"relative_path": "settings.production"},
                "test": {"relative_path": "settings.test"},
            },
        },
    }

    def ready(self):
        checks.register(check_installation)


def check_installation(app_configs=None, **kwargs):  # pylint: disable=unused-argument
    """
    Say what is missing when the plugin was installed by hand (YAML ``EXTRA_APPS``) rather than by ``add_plugins``.
    """
    from discovery_plugin import platform  # pylint: disable=import-outside-toplevel

    found = []
    if not platform.is_course_discovery():
        found.append(
            checks.Error(
                "discovery_plugin runs inside course-discovery: course_discovery.apps.course_metadata "
                "with Mode, Track, CourseRunType and CourseType was not found.",
                id="commerce_discovery.E001",
            )
        )
    if not apps.is_installed(COURSE_TYPES_APP):
        found.append(
            checks.Error(
                f"{COURSE_TYPES_APP} is not installed, so no course type rule is enforced.",
                hint=f"Call add_plugins() in the settings (see the README), or add {COURSE_TYPES_APP!r} "
                "next to 'discovery_plugin' in EXTRA_APPS.",
                id="commerce_discovery.E002",
            )
        )
    return found
