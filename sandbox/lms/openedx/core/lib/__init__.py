"""
Replica package of openedx-platform ``openedx/core/lib/``.
"""
