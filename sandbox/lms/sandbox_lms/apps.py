"""
Sandbox-only app (not a replica): the sandbox LMS's landing page and demo data command.
"""
from django.apps import AppConfig


class SandboxLmsConfig(AppConfig):
    name = "sandbox_lms"
    label = "sandbox_lms"
    verbose_name = "Sandbox LMS"
