"""
Replica of openedx-platform ``common/djangoapps/entitlements/__init__.py``.
"""
