"""Sandbox-only app of the sandbox LMS (not a replica): demo landing page and the ``seed_demo`` command."""
