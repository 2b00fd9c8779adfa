"""
Test settings for running the discovery plugin inside a real course-discovery checkout (not part of ``make test``).

They are upstream's own ``course_discovery.settings.test`` plus the lines the README
tells an operator to add (``get_plugin_apps``, ``add_plugins`` and the plugin's URL
wrapper), and ``ELASTICSEARCH_DSL_AUTOSYNC = False`` because upstream's tests index
into Elasticsearch on every save. ``REAL_DISCOVERY_TEST_DB`` names a SQLite file for
the test database so ``--reuse-db`` keeps its 480-odd migrations between runs.
"""
import os

from course_discovery.settings.test import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import
from edx_django_utils.plugins import add_plugins, get_plugin_apps

PROJECT_TYPE = "discovery.djangoapp"

INSTALLED_APPS += get_plugin_apps(PROJECT_TYPE)  # noqa: F405
add_plugins(__name__, PROJECT_TYPE, "common")
add_plugins(__name__, PROJECT_TYPE, "test")
ROOT_URLCONF = "discovery_plugin.host_urls"
ELASTICSEARCH_DSL_AUTOSYNC = False

if os.environ.get("REAL_DISCOVERY_TEST_DB"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["REAL_DISCOVERY_TEST_DB"]}  # noqa: F405
