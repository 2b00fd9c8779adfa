"""
Tutor plugin of openedx-commerce-plugins: installs the three Django app plugins into the LMS,
Otto (tutor-ecommerce) and course-discovery (tutor-discovery) images, adds their settings and URL
lines, migrates them at ``tutor ... do init`` and runs the ecommerce plugin's celery worker.

Every patch is a file in ``patches/`` named after the Tutor patch it fills.
"""
from __future__ import annotations

import os
from glob import glob

import importlib_resources

from tutor import fmt, hooks

from .__about__ import __version__

PACKAGE = "openedx-commerce-plugins"

hooks.Filters.CONFIG_DEFAULTS.add_items([
    ("COMMERCE_PLUGINS_VERSION", __version__),
    # pip requirement of each image; point them at a git URL or a wheel to install an unreleased tree.
    ("COMMERCE_PLUGINS_LMS_REQUIREMENT", f"{PACKAGE}[lms]=={{{{ COMMERCE_PLUGINS_VERSION }}}}"),
    ("COMMERCE_PLUGINS_ECOMMERCE_REQUIREMENT", f"{PACKAGE}[ecommerce]=={{{{ COMMERCE_PLUGINS_VERSION }}}}"),
    # The queue of the ecommerce plugin's tasks on Otto's broker (COMMERCE_CELERY_QUEUE).
    ("COMMERCE_PLUGINS_CELERY_QUEUE", "ecommerce.commerce_plugin"),
    ("COMMERCE_PLUGINS_WORKER_CONCURRENCY", 2),
])
hooks.Filters.CONFIG_UNIQUE.add_items([
    # COMMERCE_PENDING_ENROLLMENT_SECRET, the same in the LMS and the shop (at least 32 characters).
    ("COMMERCE_PLUGINS_PENDING_ENROLLMENT_SECRET", "{{ 40|random_string }}"),
])
# course-discovery's image has no Dockerfile patch: the requirement goes in its extra pip list
# (a literal: overrides are rendered before the defaults above exist).
DISCOVERY_REQUIREMENT = f"{PACKAGE}=={__version__}"
hooks.Filters.CONFIG_OVERRIDES.add_items([
    ("DISCOVERY_EXTRA_PIP_REQUIREMENTS", [DISCOVERY_REQUIREMENT]),
])


@hooks.Actions.CONFIG_LOADED.add()
def _warn_when_discovery_misses_the_plugin(config: dict) -> None:
    """
    An operator who sets DISCOVERY_EXTRA_PIP_REQUIREMENTS replaces the plugin's entry: say so.
    """
    extra = config.get("DISCOVERY_EXTRA_PIP_REQUIREMENTS") or []
    if not any(PACKAGE in str(item) for item in extra):
        fmt.echo_alert(
            f"DISCOVERY_EXTRA_PIP_REQUIREMENTS does not name {PACKAGE}: add '{DISCOVERY_REQUIREMENT}' (or your "
            "own requirement of it) to the list, or course-discovery runs without the plugin."
        )


# Migrations, after each service's own init (which creates its database): the plugins'
# migrations and their post_migrate set-up (Otto's seat class and discount offer, email types).
hooks.Filters.CLI_DO_INIT_TASKS.add_items(
    [
        ("lms", "./manage.py lms migrate --noinput"),
        ("ecommerce", "./manage.py migrate --noinput"),
        ("discovery", "./manage.py migrate --noinput"),
    ],
    priority=hooks.priorities.LOW,
)

for path in glob(str(importlib_resources.files("tutorcommerce_plugins") / "patches" / "*")):
    with open(path, encoding="utf-8") as patch_file:
        hooks.Filters.ENV_PATCHES.add_item((os.path.basename(path), patch_file.read()))
