#!/usr/bin/env python
"""
The sandbox discovery service: a small Django project standing in for openedx/course-discovery.
"""
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "course_discovery.settings.sandbox")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
