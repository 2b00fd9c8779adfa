"""
The plugin in the Otto-faithful sandbox (replicas of Otto's per-site basket, site configuration,
courses, offer rows and pipelines): the same tests the opt-in suite runs inside a real Otto.
"""
from otto_host.test_plugin_in_otto import *  # noqa: F401,F403
