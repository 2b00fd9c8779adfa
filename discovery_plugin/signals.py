"""
Receivers wired by ``signals_config``; features register theirs here.
"""
