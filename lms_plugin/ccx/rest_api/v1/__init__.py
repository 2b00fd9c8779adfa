"""Version 1: a superset of the platform's /api/ccx/v0/."""
