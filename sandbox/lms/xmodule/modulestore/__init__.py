"""
Sandbox stand-in for openedx-platform ``xmodule/modulestore/__init__.py`` (package only; see ``django.py``).
"""
