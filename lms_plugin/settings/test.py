"""
Settings the LMS's own test settings get from the plugin.
"""
from lms_plugin.settings.common import install_ccx_feature


def plugin_settings(settings):
    """
    Tests run with the production defaults; the platform's test settings install CCX before this phase.
    """
    install_ccx_feature(settings)
