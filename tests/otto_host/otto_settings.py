"""
Otto's own test settings with the plugin loaded as the README tells an operator to load it.

For an Otto someone already has: ``OTTO_ROOT`` names its checkout, and its virtualenv (with this
distribution installed, ``pip install -e .[ecommerce]``) runs pytest. Used by the opt-in suite in
this folder, and to run Otto's own tests with the plugin installed (``--ds=otto_settings``).
Anything that is not an Otto checkout stops here, loudly, before a test runs.
"""
import os as _os
import pathlib as _pathlib
import sys as _sys


def _otto_root():
    root = _os.environ.get("OTTO_ROOT")
    if not root:
        raise RuntimeError("OTTO_ROOT is not set: point it at an Otto (openedx-unsupported/ecommerce) checkout.")
    root = _pathlib.Path(root).resolve()
    missing = [
        marker
        for marker in ("ecommerce/settings/test.py", "ecommerce/extensions/basket/models.py", "ecommerce/courses/models.py")
        if not (root / marker).is_file()
    ]
    if missing:
        raise RuntimeError(f"OTTO_ROOT={root} is not an Otto checkout: {', '.join(missing)} missing.")
    return root


OTTO_ROOT = _otto_root()
_sys.path.insert(0, str(OTTO_ROOT))

import ecommerce  # noqa: E402
from ecommerce.settings.test import *  # noqa: E402,F401,F403  pylint: disable=wildcard-import,wrong-import-position
from edx_django_utils.plugins import add_plugins, get_plugin_apps  # noqa: E402

if _pathlib.Path(ecommerce.__file__).resolve().parents[1] != OTTO_ROOT:
    raise RuntimeError(f"'ecommerce' is imported from {ecommerce.__file__}, not from OTTO_ROOT={OTTO_ROOT}.")

# The README's settings lines.
INSTALLED_APPS += get_plugin_apps("ecommerce.djangoapp")  # noqa: F405
ROOT_URLCONF = "ecommerce_plugin.otto_urls"
# The one setting the plugin needs from an Otto deployment (the LMS comes from each site's configuration).
COMMERCE_REGISTRATION_CODE_REDEEM_URL = "http://localhost:8002/commerce/registration-codes/redeem/"

add_plugins(__name__, "ecommerce.djangoapp", "common")
add_plugins(__name__, "ecommerce.djangoapp", "test")
