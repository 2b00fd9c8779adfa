"""
The teacher's CCX pages on the Otto-faithful sandbox: the same tests the opt-in suite runs inside a real Otto.
"""
from otto_host.test_ccx_pages_in_otto import *  # noqa: F401,F403
