#!/usr/bin/env python
"""
The sandbox ecommerce service: a django-oscar shop standing in for Open edX ecommerce (Otto).
"""
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecommerce.settings.sandbox")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
