"""
History of the writes ``save()`` does not make, and the staff alert, on the Otto-faithful sandbox:
the same tests the opt-in suite runs inside a real Otto.
"""
from otto_host.test_history_and_alerts_in_otto import *  # noqa: F401,F403
