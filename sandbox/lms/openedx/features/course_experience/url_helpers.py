"""
Replica of openedx-platform ``openedx/features/course_experience/url_helpers.py`` at e57a655d77b614f19223984e9805b1fb940ab192 (``get_learning_mfe_home_url`` only).

Upstream reads ``LEARNING_MICROFRONTEND_URL`` through ``configuration_helpers.get_value`` (a site
configuration may override it); the sandbox has no site configurations, so the setting decides.
"""
from django.conf import settings


def get_learning_mfe_home_url(course_key, url_fragment=None, params=None):
    """
    Given a course run key and view name, return the appropriate course home (MFE) URL.

    ``{LEARNING_MICROFRONTEND_URL}/course/course-v1:edX+DemoX+Demo_Course/dates``
    """
    mfe_link = f"{settings.LEARNING_MICROFRONTEND_URL}/course/{course_key}"
    if url_fragment:
        mfe_link += f"/{url_fragment}"
    if params:
        mfe_link += f"?{params.urlencode()}"
    return mfe_link
