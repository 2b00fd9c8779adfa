"""
The lines an operator adds to the ecommerce service so it loads plugin apps like the LMS does.

Otto has no plugin loader of its own; these constants and the calls in
``settings/base.py``, ``urls.py`` and ``apps.py`` are the whole integration.
"""
PROJECT_TYPE = "ecommerce.djangoapp"


class SettingsType:
    COMMON = "common"
    PRODUCTION = "production"
    TEST = "test"
