"""
WSGI entry of the sandbox discovery service.
"""
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "course_discovery.settings.sandbox")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
