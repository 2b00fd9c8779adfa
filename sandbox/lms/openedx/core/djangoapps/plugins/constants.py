"""
Replica of openedx-platform ``openedx/core/djangoapps/plugins/constants.py``.
"""


class ProjectType:
    """
    The entry-point groups the platform loads plugin apps from.
    """

    LMS = "lms.djangoapp"
    CMS = "cms.djangoapp"


class SettingsType:
    """
    The settings modules a plugin app can contribute to.
    """

    PRODUCTION = "production"
    COMMON = "common"
    DEVSTACK = "devstack"
    TEST = "test"
